using FluentValidation;
using FluentValidation.Results;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Conversations;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.BoardMeetings;

/// <summary>
/// A board's startbijeenkomst as a consultant records it: the date, who was there, the general report (read by every
/// school that took part), and per school whether it took part, notes and agreements (read by that school only).
/// </summary>
public static class BoardMeetingForm
{
    public const string Prefix = "Input";
    public const string AddRowButton = "meer";
    private const string YearKey = nameof(YearFramework);

    public sealed class SchoolPart
    {
        public string? Code { get; set; }
        public bool Included { get; set; }
        public string? Notes { get; set; }
        public List<ConversationForm.AgreementInput> Agreements { get; set; } = [];
    }

    public sealed class Input
    {
        public string? Date { get; set; }
        public string? Participants { get; set; }
        public string? Summary { get; set; }
        public List<SchoolPart> Schools { get; set; } = [];

        /// <summary>One empty agreement row per school at least.</summary>
        public Input WithEmptyRows(int agreements = 1)
        {
            foreach (var school in Schools)
            {
                while (school.Agreements.Count(a => a.IsEmpty) < agreements) school.Agreements.Add(new ConversationForm.AgreementInput());
            }

            return this;
        }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Date).Custom((text, context) =>
            {
                if (ConversationForm.ParseDate(text) is not { } date)
                {
                    context.AddFailure(string.IsNullOrWhiteSpace(text) ? "Vul de datum van de startbijeenkomst in." : "Vul een geldige datum in, bijvoorbeeld 16-6-2026.");
                    return;
                }

                if (date > time.Today()) context.AddFailure("De datum kan niet in de toekomst liggen: leg een bijeenkomst vast als die is gehouden.");
                else if (!context.RootContextData.TryGetValue(YearKey, out var year) || year is null)
                    context.AddFailure($"Voor schooljaar {ConversationForm.SchoolYearName(date)} is er nog geen kader in de portal; kies een datum in een ander schooljaar.");
            });
            RuleFor(x => x.Participants).Cascade(CascadeMode.Stop)
                .Must(p => (DevelopmentPointForm.CleanText(p)?.Length ?? 0) <= BoardMeeting.ParticipantsMaxLength)
                .WithMessage($"Dit veld mag hoogstens {BoardMeeting.ParticipantsMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.Summary).Cascade(CascadeMode.Stop)
                .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Schrijf kort op wat er in het algemeen is besproken.")
                .Must(s => DevelopmentPointForm.CleanText(s)!.Length <= BoardMeeting.SummaryMaxLength)
                .WithMessage($"Het verslag mag hoogstens {BoardMeeting.SummaryMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.Schools).Must(s => s.Any(p => p.Included)).WithMessage("Kies de scholen die erbij waren.");
            RuleForEach(x => x.Schools).ChildRules(part =>
            {
                part.RuleFor(p => p.Notes).Cascade(CascadeMode.Stop)
                    .Must(n => (DevelopmentPointForm.CleanText(n)?.Length ?? 0) <= Conversation.SummaryMaxLength)
                    .WithMessage($"De notities mogen hoogstens {Conversation.SummaryMaxLength} tekens lang zijn.")
                    .NoPupilData(time);
                part.RuleForEach(p => p.Agreements).SetValidator(new ConversationForm.AgreementValidator(time));
                part.RuleFor(p => p.Included)
                    .Must((p, included) => included || (string.IsNullOrWhiteSpace(p.Notes) && p.Agreements.All(a => a.IsEmpty)))
                    .WithMessage("U schreef notities of afspraken bij een school die niet is aangevinkt: vink de school aan of maak de velden leeg.");
            });
        }
    }

    public static Task<ValidationResult> ValidateAsync(this IValidator<Input> validator, Input input, YearFramework? year, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<Input>(input);
        context.RootContextData[YearKey] = year!;
        return validator.ValidateAsync(context, cancellationToken);
    }

    public sealed record SchoolOption(int Id, string Code, string Name);

    public sealed record Model(int BoardId, string BoardName, Input Input, IReadOnlyList<SchoolOption> Schools, string YearName)
    {
        public string Action => $"/bestuur/{BoardId}/bijeenkomsten/nieuw";
        public string ListUrl => $"/bestuur/{BoardId}/bijeenkomsten";
        public string? SchoolName(string? code) => Schools.FirstOrDefault(s => s.Code == code)?.Name;
        public string ComparisonUrl => $"/bestuur/{BoardId}/vergelijkingsrapport/{YearName}";
    }
}
