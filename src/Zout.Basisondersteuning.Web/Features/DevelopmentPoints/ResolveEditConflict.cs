using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Shared;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// Someone else saved the point while the user was editing it. The user sees their own and the stored
/// value of every field that differs and chooses per field; the result is saved against the stored
/// version (and meets the same rules as any edit).
/// </summary>
public static class ResolveEditConflict
{
    public const string KeepMine = "mijn";
    public const string KeepStored = "opgeslagen";

    private const string DifferencesKey = "differences";

    public sealed class Input
    {
        /// <summary>The user's values; <c>Mine.Version</c> is the stored version the choice was made against.</summary>
        public DevelopmentPointForm.Input Mine { get; set; } = new();

        /// <summary>Per field name: <see cref="KeepMine"/> or <see cref="KeepStored"/>.</summary>
        public Dictionary<string, string> Choices { get; set; } = [];
    }

    public sealed record Difference(string Field, string Label, string MineText, string StoredText)
    {
        public string ChoiceName => $"Choices[{Field}]";

        /// <summary>The id the error summary links to (the first radio button).</summary>
        public string ChoiceId => $"Choices_{Field}_";
    }

    public sealed record Model(string SchoolCode, int PointId, YearFramework Year, FindDevelopmentPoint.Stored Stored, Input Input, IReadOnlyList<Difference> Differences)
    {
        public string Action => $"/school/{SchoolCode}/ontwikkelpunten/{PointId}/conflict";
        public string ListUrl => $"/school/{SchoolCode}/ontwikkelpunten?jaar={Year.Year.Name}";
        /// <summary>The differing fields as the shared conflict form: per field "mijn" or "opgeslagen", nothing pre-chosen.</summary>
        public ConflictChoice Form
        {
            get
            {
                var mine = Input.Mine;
                KeyValuePair<string, string?> Hidden(string name, object? value) => new($"Mine.{name}", Convert.ToString(value, CultureInfo.CurrentCulture));
                return new ConflictChoice(
                    Action,
                    [
                        Hidden(nameof(mine.Version), mine.Version), Hidden(nameof(mine.DomainKey), mine.DomainKey), Hidden(nameof(mine.AspectKey), mine.AspectKey),
                        Hidden(nameof(mine.Title), mine.Title), Hidden(nameof(mine.CurrentLevel), mine.CurrentLevel), Hidden(nameof(mine.TargetLevel), mine.TargetLevel),
                        Hidden(nameof(mine.Actions), mine.Actions), Hidden(nameof(mine.Owner), mine.Owner), Hidden(nameof(mine.Deadline), mine.Deadline),
                        Hidden(nameof(mine.Status), mine.Status),
                    ],
                    Differences.Select(d => new ConflictChoice.Field(d.ChoiceName, d.ChoiceId, d.Label,
                        new ConflictChoice.Option(KeepMine, d.MineText), new ConflictChoice.Option(KeepStored, d.StoredText),
                        Input.Choices.GetValueOrDefault(d.Field), Key: null, d.Field)).ToList(),
                    ListUrl,
                    "Annuleren (mijn wijzigingen vervallen)");
            }
        }

        /// <summary>The conflict page for the user's values against what is stored now.</summary>
        public static Model For(string schoolCode, YearFramework year, FindDevelopmentPoint.Stored stored, DevelopmentPointForm.Input mine, IReadOnlyDictionary<string, string>? choices = null)
        {
            var values = mine.ToValues();
            var differences = ResolveEditConflict.Differences(year.Definition, values, stored.Values);
            var input = new Input
            {
                Mine = values.ToInput(stored.Version),
                Choices = (choices ?? new Dictionary<string, string>())
                    .Where(c => differences.Any(d => d.Field == c.Key))
                    .ToDictionary(c => c.Key, c => c.Value),
            };
            return new Model(schoolCode, stored.Id, year, stored, input, differences);
        }
    }

    private sealed record Field(string Name, string Label, Func<PointValues, object?> Get, Func<FrameworkDefinition, PointValues, string> Show, Func<PointValues, PointValues, PointValues> Take);

    private static readonly Field[] Fields =
    [
        new(nameof(PointValues.DomainKey), "Domein", v => v.DomainKey, (f, v) => f.DomainName(v.DomainKey), (to, from) => to with { DomainKey = from.DomainKey }),
        new(nameof(PointValues.AspectKey), "Aspect", v => v.AspectKey, (f, v) => f.AspectName(v.AspectKey), (to, from) => to with { AspectKey = from.AspectKey }),
        new(nameof(PointValues.Title), "Titel", v => v.Title, (_, v) => v.Title, (to, from) => to with { Title = from.Title }),
        new(nameof(PointValues.CurrentLevel), "Huidig niveau", v => v.CurrentLevel, (f, v) => DevelopmentPointTexts.Level(f, v.CurrentLevel), (to, from) => to with { CurrentLevel = from.CurrentLevel }),
        new(nameof(PointValues.TargetLevel), "Doelniveau", v => v.TargetLevel, (f, v) => DevelopmentPointTexts.Level(f, v.TargetLevel), (to, from) => to with { TargetLevel = from.TargetLevel }),
        new(nameof(PointValues.Actions), "Acties", v => v.Actions, (_, v) => DevelopmentPointTexts.Value(v.Actions), (to, from) => to with { Actions = from.Actions }),
        new(nameof(PointValues.Owner), "Eigenaar", v => v.Owner, (_, v) => DevelopmentPointTexts.Value(v.Owner), (to, from) => to with { Owner = from.Owner }),
        new(nameof(PointValues.Deadline), "Deadline", v => v.Deadline, (_, v) => DevelopmentPointTexts.Date(v.Deadline), (to, from) => to with { Deadline = from.Deadline }),
        new(nameof(PointValues.Status), "Status", v => v.Status, (_, v) => v.Status.ToDutch(), (to, from) => to with { Status = from.Status }),
    ];

    /// <summary>The fields whose value differs between the user's and the stored values, in form order.</summary>
    public static IReadOnlyList<Difference> Differences(FrameworkDefinition framework, PointValues mine, PointValues stored) =>
        Fields.Where(f => !Equals(f.Get(mine), f.Get(stored)))
            .Select(f => new Difference(f.Name, f.Label, f.Show(framework, mine), f.Show(framework, stored)))
            .ToList();

    /// <summary>The stored values with the fields the user chose to keep as theirs.</summary>
    public static PointValues Merge(PointValues mine, PointValues stored, IReadOnlyDictionary<string, string> choices) =>
        Fields.Aggregate(stored, (merged, field) =>
            choices.TryGetValue(field.Name, out var choice) && choice == KeepMine ? field.Take(merged, mine) : merged);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Choices).Custom((choices, context) =>
            {
                var differences = context.RootContextData.TryGetValue(DifferencesKey, out var value) && value is IReadOnlyList<Difference> list
                    ? list
                    : throw new InvalidOperationException("Validate a conflict resolution with ResolveEditConflict.ValidateAsync.");
                foreach (var difference in differences)
                {
                    if (choices.GetValueOrDefault(difference.Field) is not (KeepMine or KeepStored))
                    {
                        context.AddFailure(new ValidationFailure(difference.ChoiceName, $"Kies bij '{difference.Label}' welke waarde u wilt bewaren."));
                    }
                }
            });
        }
    }

    /// <summary>Checks that the user chose a value for every field that differs.</summary>
    public static Task<ValidationResult> ValidateAsync(this IValidator<Input> validator, Input input, IReadOnlyList<Difference> differences, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<Input>(input);
        context.RootContextData[DifferencesKey] = differences;
        return validator.ValidateAsync(context, cancellationToken);
    }
}
