using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>Edits the framework's name, the amount per pupil and the rules for the toelichting.</summary>
public static class EditGeneral
{
    public sealed class Input
    {
        public int Version { get; set; }
        public string? Name { get; set; }
        public string? AmountPerPupil { get; set; }
        public string? RequiredAtOrBelowLevel { get; set; }
        public bool RequiredForTarget { get; set; }
        public string? ExplanationMaxLength { get; set; }
    }

    /// <summary>"140", "140,50" and "140.50" are all read as amounts; a comma makes it Dutch notation.</summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        var value = (text ?? "").Replace("€", "", StringComparison.Ordinal).Trim();
        return value.Contains(',', StringComparison.Ordinal)
            ? decimal.TryParse(value, NumberStyles.Number, PortalSetup.Dutch, out amount)
            : decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount);
    }

    private static bool IsInteger(string? text) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThan(0).WithMessage("De versie van het kader ontbreekt. Laad de pagina opnieuw.");
            RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het kader in.");
            RuleFor(x => x.AmountPerPupil).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Vul het bedrag per leerling in.")
                .Must(v => TryParseAmount(v, out _)).WithMessage("Vul een bedrag in euro's in, zoals 140 of 140,50.");
            RuleFor(x => x.RequiredAtOrBelowLevel).Must(IsInteger).WithMessage("Kies een niveau.");
            RuleFor(x => x.ExplanationMaxLength).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Vul het maximale aantal tekens van een toelichting in.")
                .Must(IsInteger).WithMessage("Vul een heel getal in, zoals 1000.");
        }
    }

    public sealed record Model(string YearName, Input Input, IReadOnlyList<SelectListItem> Levels)
    {
        public string OverviewUrl => $"/beheer/schooljaren/{YearName}/kader";
    }

    /// <summary>Where a rule problem of the general part belongs in this form.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = nameof(Input.Name),
        ["amountPerPupil"] = nameof(Input.AmountPerPupil),
        ["rules.requiredAtOrBelowLevel"] = nameof(Input.RequiredAtOrBelowLevel),
        ["rules.maxLength"] = nameof(Input.ExplanationMaxLength),
    };

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>The form with the framework as stored; null when there is no such year.</summary>
        public async Task<EditorPage<Model>?> GetAsync(string yearName, CancellationToken cancellationToken) =>
            await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken) is { } target
                ? EditorPage.Of<Model>(target, target.Definition is null ? null : Current(target))
                : null;

        /// <summary>The form with the posted input, to show it again with its messages.</summary>
        public async Task<EditorPage<Model>?> WithInputAsync(string yearName, Input input, CancellationToken cancellationToken) =>
            await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken) is { } target
                ? EditorPage.Of<Model>(target, target.Definition is null ? null : ModelOf(target, input))
                : null;

        /// <summary>Saves a validated form, with the framework version it was loaded with.</summary>
        public async Task<Result> SaveAsync(string yearName, Input input, CancellationToken cancellationToken)
        {
            var target = await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken);
            if (target?.Definition is null) return Result.NotFound();

            var updated = target.Definition.Clone();
            updated.Name = input.Name!.Trim();
            if (!TryParseAmount(input.AmountPerPupil, out var amount)) throw new ArgumentException("The input was not validated.", nameof(input));
            updated.AmountPerPupil = amount;
            updated.Rules.RequiredAtOrBelowLevel = int.Parse(input.RequiredAtOrBelowLevel!, CultureInfo.InvariantCulture);
            updated.Rules.RequiredForTarget = input.RequiredForTarget;
            updated.Rules.MaxLength = int.Parse(input.ExplanationMaxLength!, CultureInfo.InvariantCulture);

            var result = await FrameworkEditing.StoreAsync(db, target, input.Version, updated, cancellationToken);
            if (result.Succeeded) logger.LogInformation("Framework of {Year}: general part saved, now version {Version}", target.Year.Name, result.Version);
            if (result.Status != ResultStatus.Invalid) return result;

            // A rule problem next to its field, or in the summary with its place when this form has no field for it.
            return Result.Invalid(result.Errors.Select(e => Fields.TryGetValue(e.Field, out var field)
                ? new FieldError(field, e.Message)
                : new FieldError(FieldError.Form, $"{e.Field}: {e.Message}")));
        }

        private static Model Current(EditableFramework target)
        {
            var f = target.Definition!;
            return ModelOf(target, new Input
            {
                Version = target.Version,
                Name = f.Name,
                AmountPerPupil = f.AmountPerPupil.ToString("0.##", PortalSetup.Dutch),
                RequiredAtOrBelowLevel = f.Rules.RequiredAtOrBelowLevel.ToString(CultureInfo.InvariantCulture),
                RequiredForTarget = f.Rules.RequiredForTarget,
                ExplanationMaxLength = f.Rules.MaxLength.ToString(CultureInfo.InvariantCulture),
            });
        }

        private static Model ModelOf(EditableFramework target, Input input) =>
            new(target.Year.Name, input, target.Definition!.Levels
                .Select(l => new SelectListItem($"{l.Value}: {l.Label}", l.Value.ToString(CultureInfo.InvariantCulture)))
                .ToList());
    }
}
