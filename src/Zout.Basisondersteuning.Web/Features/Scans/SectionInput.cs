using System.Globalization;
using FluentValidation;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>What a section form posts: one item per answer key, plus the version it was opened at.</summary>
public sealed class SectionInput
{
    public int Version { get; set; }
    public List<ItemInput> Items { get; set; } = [];

    public ItemInput? Find(string key) => Items.FirstOrDefault(i => i.Key == key);
}

public sealed class ItemInput
{
    public string Key { get; set; } = "";
    public int? Level { get; set; }
    public int? TargetLevel { get; set; }
    public string? Text { get; set; }

    /// <summary>Amounts and quantities as typed: Dutch "1.250,50" and "1250.50" are both understood.</summary>
    public string? Number { get; set; }

    public bool Checked { get; set; }

    public decimal? ParsedNumber => DutchNumber.TryParse(Number, out var value) ? value : null;

    public static ItemInput From(string key, ScanAnswer? answer) => new()
    {
        Key = key,
        Level = answer?.Level,
        TargetLevel = answer?.TargetLevel,
        Text = answer?.Text,
        Number = DutchNumber.Format(answer?.Number),
        Checked = answer?.Checked ?? false,
    };
}

public static partial class DutchNumber
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = text.Trim().Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        // A comma, or dots that group thousands ("12.000"), is Dutch; otherwise a dot is a decimal point ("0.5").
        return cleaned.Contains(',', StringComparison.Ordinal) || ThousandsGrouped().IsMatch(cleaned)
            ? decimal.TryParse(cleaned, NumberStyles.Number, Dutch, out value)
            : decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string? Format(decimal? value) => value?.ToString("0.##", Dutch);

    public static string Money(decimal value) => value.ToString("C0", Dutch);

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial System.Text.RegularExpressions.Regex ThousandsGrouped();
}

/// <summary>
/// The server-side rules of a section, built for the framework of the year: levels inside the scale,
/// a toelichting where the framework asks for it, maximum lengths, amounts of zero or more. Which item has
/// which field, and its limits, comes from the section's <see cref="SectionKindDescriptor"/>.
/// </summary>
public sealed class SectionValidator : AbstractValidator<SectionInput>
{
    public SectionValidator(FrameworkDefinition framework, SectionDefinition section)
    {
        var descriptor = section.Descriptor;
        var fields = descriptor.Items(framework, section).ToDictionary(k => k.ToString(), k => descriptor.Fields(framework, k), StringComparer.Ordinal);
        ItemFields Of(ItemInput item) => fields.GetValueOrDefault(item.Key) ?? ItemFields.None;
        var min = framework.MinLevel;
        var max = framework.MaxLevel;

        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Key).Must(fields.ContainsKey).WithMessage("Dit onderdeel hoort niet bij deze sectie. Ververs de pagina.");

            item.RuleFor(i => i.Level).InclusiveBetween(min, max)
                .When(i => i.Level is not null)
                .WithMessage($"Kies een niveau van {min} tot en met {max}.");

            item.RuleFor(i => i.TargetLevel).InclusiveBetween(min, max)
                .When(i => i.TargetLevel is not null)
                .WithMessage($"Kies een streefniveau van {min} tot en met {max}.");
            item.RuleFor(i => i.TargetLevel).GreaterThan(i => i.Level)
                .When(i => i.TargetLevel is not null && i.Level is not null)
                .WithMessage("Het streefniveau moet hoger zijn dan het huidige niveau.");
            item.RuleFor(i => i.Level).NotNull()
                .When(i => i.TargetLevel is not null && Of(i).TargetLevel)
                .WithMessage("Kies eerst het huidige niveau; een streefniveau zonder huidig niveau kan niet.");

            item.RuleFor(i => i.Text).NotEmpty()
                .When(i => Of(i).ExplanationRule && SectionCompleteness.NeedsExplanation(framework, i.Level, i.TargetLevel))
                .WithMessage(i => i.TargetLevel is not null && !(i.Level <= framework.Rules.RequiredAtOrBelowLevel)
                    ? "Geef een toelichting: wat is er nodig om het streefniveau te halen?"
                    : $"Geef een toelichting bij niveau {i.Level} ({framework.LevelLabel(i.Level).ToLowerInvariant()}): wat ontbreekt er nog?");
            item.RuleFor(i => i.Text).Must((i, text) => (text?.Length ?? 0) <= Of(i).Text!.MaxLength)
                .When(i => Of(i).Text is not null)
                .WithMessage(i => $"{Of(i).Text!.Name} mag hoogstens {Of(i).Text!.MaxLength} tekens zijn.");

            item.RuleFor(i => i.Number)
                .Must(n => DutchNumber.TryParse(n, out _))
                .When(i => Of(i).Number is not null && !string.IsNullOrWhiteSpace(i.Number))
                .WithMessage(i => Of(i).Number == NumberKind.Amount
                    ? "Vul een bedrag in euro's in, bijvoorbeeld 12500 of 12.500,50."
                    : "Vul een getal in, bijvoorbeeld 2 of 0,5.");
            item.RuleFor(i => i.ParsedNumber)
                .GreaterThanOrEqualTo(SectionKindDescriptor.MinNumber).WithMessage(i => Of(i).Number == NumberKind.Amount ? "Een bedrag kan niet negatief zijn." : "Een aantal kan niet negatief zijn.")
                .LessThan(SectionKindDescriptor.MaxNumber).WithMessage("Dit getal is te groot.")
                .When(i => Of(i).Number is not null && i.ParsedNumber is not null)
                .OverridePropertyName(nameof(ItemInput.Number));
        });
    }
}
