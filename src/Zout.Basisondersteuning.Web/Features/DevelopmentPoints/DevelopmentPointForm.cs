using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Configurations;
using Zout.Basisondersteuning.Web.Domain.Scans;
using static Zout.Basisondersteuning.Web.Infrastructure.PortalSetup;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// The fields of an ontwikkelpunt as a school fills them in, shared by creating, editing and resolving
/// a conflict. Domain, aspect and levels are checked against the framework of the point's school year,
/// which the validator gets through <see cref="ValidateAsync"/>.
/// </summary>
public static class DevelopmentPointForm
{
    /// <summary>The Owner column's length in <see cref="DevelopmentPointConfiguration"/>; a test keeps the two equal.</summary>
    public const int OwnerMaxLength = 200;

    /// <summary>Form fields are named after the page model's property: Input.Title, Input.Version, ...</summary>
    public const string Prefix = "Input";

    private const string YearKey = nameof(YearFramework);

    public sealed class Input
    {
        public string? DomainKey { get; set; }
        public string? AspectKey { get; set; }
        public string? Title { get; set; }
        public int? CurrentLevel { get; set; }
        public int? TargetLevel { get; set; }
        public string? Actions { get; set; }
        public string? Owner { get; set; }

        /// <summary>Text, so that a mistyped date comes back with a Dutch message and the input kept.</summary>
        public string? Deadline { get; set; }

        public DevelopmentPointStatus? Status { get; set; } = DevelopmentPointStatus.Planned;

        /// <summary>The version the user started from (optimistic concurrency).</summary>
        public int Version { get; set; }

        /// <summary>The cleaned values; only for valid input.</summary>
        public PointValues ToValues() => new(
            DomainKey!.Trim(),
            AspectKey!.Trim(),
            Title!.Trim(),
            CurrentLevel,
            TargetLevel,
            CleanText(Actions),
            CleanText(Owner),
            TryParseDate(Deadline, out var deadline) ? deadline : null,
            Status ?? DevelopmentPointStatus.Planned);
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.DomainKey).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Kies een domein.")
                .Must((_, key, context) => Year(context).Definition.Domains.ByKey(key!.Trim()) is not null)
                .WithMessage("Kies een domein uit het kader van dit schooljaar.");
            RuleFor(x => x.AspectKey).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Kies een aspect.")
                .Must((_, key, context) => Year(context).Definition.Aspects.ByKey(key!.Trim()) is not null)
                .WithMessage("Kies een aspect uit het kader van dit schooljaar.");
            RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Geef het ontwikkelpunt een titel.")
                .Must(t => t!.Trim().Length <= DevelopmentPointConfiguration.TitleMaxLength)
                .WithMessage($"De titel mag hoogstens {DevelopmentPointConfiguration.TitleMaxLength} tekens lang zijn.");
            RuleFor(x => x.CurrentLevel).Custom((level, context) => CheckLevel(level, context));
            RuleFor(x => x.TargetLevel).Custom((target, context) =>
            {
                if (!CheckLevel(target, context)) return;
                var current = context.InstanceToValidate.CurrentLevel;
                if (target is not null && current is not null && IsLevel(Year(context).Definition, current.Value) && target <= current)
                {
                    context.AddFailure("Het doelniveau moet hoger zijn dan het huidige niveau.");
                }
            });
            RuleFor(x => x.Actions)
                .Must(a => (CleanText(a)?.Length ?? 0) <= DevelopmentPointConfiguration.ActionsMaxLength)
                .WithMessage($"De acties mogen hoogstens {DevelopmentPointConfiguration.ActionsMaxLength} tekens lang zijn.");
            RuleFor(x => x.Owner)
                .Must(o => (CleanText(o)?.Length ?? 0) <= OwnerMaxLength)
                .WithMessage($"De eigenaar mag hoogstens {OwnerMaxLength} tekens lang zijn.");
            RuleFor(x => x.Deadline).Custom((text, context) =>
            {
                if (string.IsNullOrWhiteSpace(text)) return;
                if (!TryParseDate(text, out var deadline))
                {
                    context.AddFailure("Vul een geldige datum in, bijvoorbeeld 1-3-2027.");
                    return;
                }

                var year = Year(context).Year;
                var start = StartOf(year.StartYear);
                if (deadline < start)
                {
                    context.AddFailure($"De deadline kan niet vóór het begin van schooljaar {year.Name} liggen ({start.ToString("d MMMM yyyy", Dutch)}).");
                }
            });
            RuleFor(x => x.Status).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Kies een status.")
                .IsInEnum().WithMessage("Kies een status uit de lijst.");
        }

        /// <summary>Adds a failure when the level is not on the framework's scale; true when it is fine.</summary>
        private static bool CheckLevel(int? level, ValidationContext<Input> context)
        {
            var framework = Year(context).Definition;
            if (level is null || IsLevel(framework, level.Value)) return true;
            context.AddFailure($"Kies een niveau van {framework.MinLevel} tot en met {framework.MaxLevel}.");
            return false;
        }

        private static YearFramework Year(ValidationContext<Input> context) =>
            context.RootContextData.TryGetValue(YearKey, out var year) && year is YearFramework yearFramework
                ? yearFramework
                : throw new InvalidOperationException("Validate an ontwikkelpunt with DevelopmentPointForm.ValidateAsync: it needs the school year's framework.");
    }

    /// <summary>Validates against the framework of the school year the point belongs to.</summary>
    public static Task<ValidationResult> ValidateAsync(this IValidator<Input> validator, Input input, YearFramework year, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<Input>(input);
        context.RootContextData[YearKey] = year;
        return validator.ValidateAsync(context, cancellationToken);
    }

    /// <summary>A form page: the input and the choices the framework of the year offers.</summary>
    public sealed record Model(string SchoolCode, YearFramework Year, int? PointId, Input Input)
    {
        public FrameworkDefinition Framework => Year.Definition;

        public IReadOnlyList<SelectListItem> Domains => Framework.Domains.Select(d => new SelectListItem(d.Name, d.Key)).ToList();

        public IReadOnlyList<SelectListItem> Aspects => Framework.Aspects.Select(a => new SelectListItem(a.Name, a.Key)).ToList();

        public IReadOnlyList<SelectListItem> Levels => LevelValues(Framework)
            .Select(v => new SelectListItem(DevelopmentPointTexts.Level(Framework, v), v.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        public static IReadOnlyList<SelectListItem> Statuses => Enum.GetValues<DevelopmentPointStatus>()
            .Select(s => new SelectListItem(s.ToDutch(), s.ToString()))
            .ToList();

        public string Action => PointId is { } id
            ? $"/school/{SchoolCode}/ontwikkelpunten/{id}/bewerken"
            : $"/school/{SchoolCode}/ontwikkelpunten/nieuw?jaar={Year.Year.Name}";

        public string ListUrl => $"/school/{SchoolCode}/ontwikkelpunten?jaar={Year.Year.Name}";

        public string DeadlineHint => $"Niet eerder dan {StartOf(Year.Year.StartYear).ToString("d MMMM yyyy", Dutch)}, het begin van het schooljaar.";
    }

    /// <summary>A school year starts on 1 August.</summary>
    public static DateOnly StartOf(int startYear) => new(startYear, 8, 1);

    public static bool IsLevel(FrameworkDefinition framework, int level) =>
        framework.Levels.Count == 0 ? level >= framework.MinLevel && level <= framework.MaxLevel : framework.LevelOf(level) is not null;

    public static IEnumerable<int> LevelValues(FrameworkDefinition framework) =>
        framework.Levels.Count == 0
            ? Enumerable.Range(framework.MinLevel, framework.MaxLevel - framework.MinLevel + 1)
            : framework.Levels.Select(l => l.Value).Order();

    /// <summary>A date input sends yyyy-MM-dd; where a browser shows a text box people type 1-3-2027.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        return DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Trimmed, with the browser's CRLF line breaks as LF, and null when empty.</summary>
    public static string? CleanText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}

/// <summary>The cleaned values of an ontwikkelpunt: what is stored, compared and shown.</summary>
public sealed record PointValues(
    string DomainKey,
    string AspectKey,
    string Title,
    int? CurrentLevel,
    int? TargetLevel,
    string? Actions,
    string? Owner,
    DateOnly? Deadline,
    DevelopmentPointStatus Status)
{
    public DevelopmentPointForm.Input ToInput(int version) => new()
    {
        DomainKey = DomainKey,
        AspectKey = AspectKey,
        Title = Title,
        CurrentLevel = CurrentLevel,
        TargetLevel = TargetLevel,
        Actions = Actions,
        Owner = Owner,
        Deadline = Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Status = Status,
        Version = version,
    };
}
