using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// The fields of a conversation as a consultant records it: date, kind, participants (the school's users from a list
/// plus free names and roles), what was discussed (domains, aspects, development points), the summary, the agreements
/// and the next conversation. Shared by recording, editing and resolving a conflict. Lists grow a row at a time with
/// a button, so the form works without JavaScript.
/// </summary>
public static class ConversationForm
{
    public const string Prefix = "Input";

    /// <summary>The name of the submit button that adds an empty row instead of saving: "deelnemer" or "afspraak".</summary>
    public const string AddRowButton = "meer";

    private const string ContextKey = nameof(FormContext);

    public sealed class OtherParticipant
    {
        public string? Name { get; set; }
        public string? Role { get; set; }
    }

    public sealed class AgreementInput
    {
        /// <summary>The stored agreement this row edits; empty for a new one.</summary>
        public int? Id { get; set; }
        public string? Action { get; set; }
        public string? Owner { get; set; }
        public string? Deadline { get; set; }
        public AgreementStatus? Status { get; set; } = AgreementStatus.Open;

        public bool IsEmpty => string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(Owner) && string.IsNullOrWhiteSpace(Deadline) && Id is null;
    }

    public sealed class Input
    {
        /// <summary>Text, so that a mistyped date comes back with a Dutch message and the input kept.</summary>
        public string? Date { get; set; }
        public ConversationKind? Kind { get; set; }
        public string? NextDate { get; set; }
        public string? Summary { get; set; }
        public List<string> ParticipantUserIds { get; set; } = [];
        public List<OtherParticipant> Others { get; set; } = [];
        public List<string> Domains { get; set; } = [];
        public List<string> Aspects { get; set; } = [];
        public List<int> Points { get; set; } = [];
        public List<AgreementInput> Agreements { get; set; } = [];

        /// <summary>The version the user started from (optimistic concurrency).</summary>
        public int Version { get; set; }

        /// <summary>At least one empty row in each list, so there is always room to add one.</summary>
        public Input WithEmptyRows(int others = 1, int agreements = 1)
        {
            while (Others.Count(o => string.IsNullOrWhiteSpace(o.Name) && string.IsNullOrWhiteSpace(o.Role)) < others) Others.Add(new OtherParticipant());
            while (Agreements.Count(a => a.IsEmpty) < agreements) Agreements.Add(new AgreementInput());
            return this;
        }

        /// <summary>The cleaned values; only for valid input.</summary>
        public ConversationValues ToValues() => new(
            ParseDate(Date)!.Value,
            Kind!.Value,
            ParseDate(NextDate),
            DevelopmentPointForm.CleanText(Summary)!,
            [.. ParticipantUserIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().Order(StringComparer.Ordinal)],
            [.. Others.Where(o => !string.IsNullOrWhiteSpace(o.Name)).Select(o => new OtherValue(o.Name!.Trim(), DevelopmentPointForm.CleanText(o.Role)))],
            [.. Domains.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct()],
            [.. Aspects.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct()],
            [.. Points.Distinct().Order()],
            AgreementValues(Agreements));
    }

    /// <summary>What the form is checked against: the framework of the date's school year, the school's users and development points.</summary>
    public sealed record FormContext(YearFramework? Year, IReadOnlySet<string> SchoolUserIds, IReadOnlySet<int> PointIds);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Date).Custom((text, context) =>
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    context.AddFailure("Vul de datum van het gesprek in.");
                    return;
                }

                if (ParseDate(text) is not { } date)
                {
                    context.AddFailure("Vul een geldige datum in, bijvoorbeeld 12-11-2026.");
                    return;
                }

                if (date > time.Today()) context.AddFailure("De datum van het gesprek kan niet in de toekomst liggen: leg een gesprek vast als het is gehouden.");
                else if (Context(context).Year is null) context.AddFailure($"Voor schooljaar {SchoolYearName(date)} is er nog geen kader in de portal; kies een datum in een ander schooljaar.");
            });
            RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Kies de soort gesprek.")
                .IsInEnum().WithMessage("Kies een soort gesprek uit de lijst.");
            RuleFor(x => x.NextDate).Custom((text, context) =>
            {
                if (string.IsNullOrWhiteSpace(text)) return;
                if (ParseDate(text) is not { } next) context.AddFailure("Vul een geldige datum in, bijvoorbeeld 15-1-2027.");
                else if (ParseDate(context.InstanceToValidate.Date) is { } date && next <= date) context.AddFailure("Het volgende gesprek ligt na dit gesprek.");
            });
            RuleFor(x => x.Summary).Cascade(CascadeMode.Stop)
                .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Schrijf kort op wat er is besproken.")
                .Must(s => DevelopmentPointForm.CleanText(s)!.Length <= Conversation.SummaryMaxLength)
                .WithMessage($"Het verslag mag hoogstens {Conversation.SummaryMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleForEach(x => x.ParticipantUserIds)
                .Must((_, id, context) => string.IsNullOrEmpty(id) || Context(context).SchoolUserIds.Contains(id))
                .WithMessage("Kies deelnemers uit de medewerkers van de school.");
            RuleForEach(x => x.Others).ChildRules(other =>
            {
                other.RuleFor(o => o.Name).Cascade(CascadeMode.Stop)
                    .Must((o, name) => !string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(o.Role)).WithMessage("Vul ook de naam in.")
                    .Must(name => (name?.Trim().Length ?? 0) <= ConversationParticipant.NameMaxLength)
                    .WithMessage($"Een naam mag hoogstens {ConversationParticipant.NameMaxLength} tekens lang zijn.")
                    .NoPupilData(time);
                other.RuleFor(o => o.Role)
                    .Must(role => (role?.Trim().Length ?? 0) <= ConversationParticipant.RoleMaxLength)
                    .WithMessage($"Een rol mag hoogstens {ConversationParticipant.RoleMaxLength} tekens lang zijn.");
            });
            RuleForEach(x => x.Domains)
                .Must((_, key, context) => Context(context).Year?.Definition.Domains.ByKey(key) is not null || Context(context).Year is null)
                .WithMessage("Kies domeinen uit het kader van dit schooljaar.");
            RuleForEach(x => x.Aspects)
                .Must((_, key, context) => Context(context).Year?.Definition.Aspects.ByKey(key) is not null || Context(context).Year is null)
                .WithMessage("Kies aspecten uit het kader van dit schooljaar.");
            RuleForEach(x => x.Points)
                .Must((_, id, context) => Context(context).PointIds.Contains(id))
                .WithMessage("Kies ontwikkelpunten van de school in dit schooljaar.");
            RuleForEach(x => x.Agreements).SetValidator(new AgreementValidator(time));
        }

        private static FormContext Context<T>(ValidationContext<T> context) =>
            context.RootContextData.TryGetValue(ContextKey, out var value) && value is FormContext form
                ? form
                : throw new InvalidOperationException("Validate a conversation with ConversationForm.ValidateAsync: it needs the school's users and the year's framework.");
    }

    /// <summary>One agreement row: the same rules in a conversation and in a board's startbijeenkomst.</summary>
    public sealed class AgreementValidator : AbstractValidator<AgreementInput>
    {
        public AgreementValidator(TimeProvider time)
        {
            RuleFor(a => a.Action).Cascade(CascadeMode.Stop)
                .Must((a, action) => a.IsEmpty || !string.IsNullOrWhiteSpace(action)).WithMessage("Beschrijf de actie van deze afspraak.")
                .Must(action => (DevelopmentPointForm.CleanText(action)?.Length ?? 0) <= ConversationAgreement.ActionMaxLength)
                .WithMessage($"Een afspraak mag hoogstens {ConversationAgreement.ActionMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(a => a.Owner).Cascade(CascadeMode.Stop)
                .Must(owner => (DevelopmentPointForm.CleanText(owner)?.Length ?? 0) <= ConversationAgreement.OwnerMaxLength)
                .WithMessage($"De eigenaar mag hoogstens {ConversationAgreement.OwnerMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(a => a.Deadline)
                .Must(d => string.IsNullOrWhiteSpace(d) || ParseDate(d) is not null)
                .WithMessage("Vul een geldige datum in, bijvoorbeeld 1-3-2027.");
            RuleFor(a => a.Status).IsInEnum().WithMessage("Kies een status uit de lijst.");
        }
    }

    /// <summary>The agreement rows with content, cleaned.</summary>
    public static List<AgreementValue> AgreementValues(IEnumerable<AgreementInput> rows) =>
        [.. rows.Where(a => !a.IsEmpty && !string.IsNullOrWhiteSpace(a.Action)).Select(a => new AgreementValue(a.Id, DevelopmentPointForm.CleanText(a.Action)!,
            DevelopmentPointForm.CleanText(a.Owner), ParseDate(a.Deadline), a.Status ?? AgreementStatus.Open))];

    /// <summary>Validates against the school's users and development points and the framework of the date's school year.</summary>
    public static Task<ValidationResult> ValidateAsync(this IValidator<Input> validator, Input input, FormContext context, CancellationToken cancellationToken)
    {
        var validation = new ValidationContext<Input>(input);
        validation.RootContextData[ContextKey] = context;
        return validator.ValidateAsync(validation, cancellationToken);
    }

    /// <summary>A date as typed (1-3-2027) or as a date input sends it (2027-03-01).</summary>
    public static DateOnly? ParseDate(string? text) => DevelopmentPointForm.TryParseDate(text, out var date) ? date : null;

    public static string SchoolYearName(DateOnly date) => Domain.SchoolYear.NameFor(Domain.SchoolYear.StartYearOf(date));

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A user of the school, to choose as participant.</summary>
    public sealed record SchoolUser(string Id, string Name, bool IsDirector);

    /// <summary>A development point of the school in the conversation's year, to choose as discussed.</summary>
    public sealed record PointOption(int Id, string Title);

    /// <summary>A form page: the input and the choices of the school and the year.</summary>
    public sealed record Model(string SchoolCode, string SchoolName, int? ConversationId, Input Input, YearFramework? Year,
        IReadOnlyList<SchoolUser> SchoolUsers, IReadOnlyList<PointOption> Points, string? BoardMeetingNote = null)
    {
        public IReadOnlyList<SelectListItem> Kinds => Enum.GetValues<ConversationKind>()
            .Select(k => new SelectListItem(k.ToDutch(), k.ToString())).ToList();

        public static IReadOnlyList<SelectListItem> Statuses => Enum.GetValues<AgreementStatus>()
            .Select(s => new SelectListItem(s.ToDutch(), s.ToString())).ToList();

        public IReadOnlyList<DomainDefinition> Domains => Year?.Definition.Domains ?? [];
        public IReadOnlyList<AspectDefinition> Aspects => Year?.Definition.Aspects ?? [];

        public string Action => ConversationId is { } id ? $"/school/{SchoolCode}/gesprekken/{id}/bewerken" : $"/school/{SchoolCode}/gesprekken/nieuw";
        public string CancelUrl => ConversationId is { } id ? $"/school/{SchoolCode}/gesprekken/{id}" : $"/school/{SchoolCode}/gesprekken";
    }
}

/// <summary>A free participant: a name and a role.</summary>
public sealed record OtherValue(string Name, string? Role);

/// <summary>An agreement as stored and compared.</summary>
public sealed record AgreementValue(int? Id, string Action, string? Owner, DateOnly? Deadline, AgreementStatus Status);

/// <summary>The cleaned values of a conversation: what is stored, compared on a conflict and shown.</summary>
public sealed record ConversationValues(
    DateOnly Date,
    ConversationKind Kind,
    DateOnly? NextDate,
    string Summary,
    IReadOnlyList<string> ParticipantUserIds,
    IReadOnlyList<OtherValue> Others,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Aspects,
    IReadOnlyList<int> Points,
    IReadOnlyList<AgreementValue> Agreements)
{
    public ConversationForm.Input ToInput(int version) => new()
    {
        Date = ConversationForm.Iso(Date),
        Kind = Kind,
        NextDate = ConversationForm.Iso(NextDate),
        Summary = Summary,
        ParticipantUserIds = [.. ParticipantUserIds],
        Others = [.. Others.Select(o => new ConversationForm.OtherParticipant { Name = o.Name, Role = o.Role })],
        Domains = [.. Domains],
        Aspects = [.. Aspects],
        Points = [.. Points],
        Agreements = [.. Agreements.Select(a => new ConversationForm.AgreementInput
        {
            Id = a.Id, Action = a.Action, Owner = a.Owner, Deadline = ConversationForm.Iso(a.Deadline), Status = a.Status,
        })],
        Version = version,
    };

    /// <summary>Equal in what the user sees: lists compared item by item.</summary>
    public bool SameAs(ConversationValues other) =>
        Date == other.Date && Kind == other.Kind && NextDate == other.NextDate && Summary == other.Summary
        && ParticipantUserIds.SequenceEqual(other.ParticipantUserIds) && Others.SequenceEqual(other.Others)
        && Domains.Order().SequenceEqual(other.Domains.Order()) && Aspects.Order().SequenceEqual(other.Aspects.Order())
        && Points.SequenceEqual(other.Points) && Agreements.SequenceEqual(other.Agreements);
}
