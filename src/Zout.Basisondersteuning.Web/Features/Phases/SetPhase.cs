using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Conversations;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Phases;

/// <summary>
/// The consultant sets a school's implementation phase (in ontwikkeling, basisondersteuning ingevoerd) with a date and
/// a note. Every step stays in the school's history; the first two phases follow from the data and are not set here.
/// </summary>
public static class SetPhase
{
    public sealed class Input
    {
        public ImplementationPhase? Phase { get; set; }
        public string? Date { get; set; }
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Phase).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Kies de fase.")
                .Must(p => ImplementationPhases.Settable.Contains(p!.Value))
                .WithMessage("Kies 'in ontwikkeling' of 'basisondersteuning ingevoerd'; de eerdere fases volgen uit de scan en de startbijeenkomst.");
            RuleFor(x => x.Date).Custom((text, context) =>
            {
                if (ConversationForm.ParseDate(text) is not { } date) context.AddFailure(string.IsNullOrWhiteSpace(text) ? "Vul de datum in." : "Vul een geldige datum in, bijvoorbeeld 1-9-2026.");
                else if (date > time.Today()) context.AddFailure("De datum kan niet in de toekomst liggen.");
            });
            RuleFor(x => x.Note).Cascade(CascadeMode.Stop)
                .Must(n => (DevelopmentPointForm.CleanText(n)?.Length ?? 0) <= ImplementationPhaseStep.NoteMaxLength)
                .WithMessage($"De toelichting mag hoogstens {ImplementationPhaseStep.NoteMaxLength} tekens lang zijn.")
                .NoPupilData(time);
        }
    }

    public sealed record Model(string SchoolCode, string SchoolName, PhaseState Current, IReadOnlyList<PhaseHistoryStep> History, Input Input, bool CanSet)
    {
        public static IReadOnlyList<SelectListItem> Phases => ImplementationPhases.Settable.Select(p => new SelectListItem(p.ToDutch(), p.ToString())).ToList();
    }

    public sealed class Handler(AppDbContext db, PhaseQueries phases, AuditLog auditLog, TimeProvider time)
    {
        public async Task<Model> PageAsync(SchoolAccess school, Input input, CancellationToken cancellationToken)
        {
            var current = (await phases.ForSchoolsAsync(db.Schools.Where(s => s.Id == school.SchoolId), cancellationToken))[school.SchoolId];
            return new Model(school.LocationCode, school.School!.Name, current, await phases.HistoryAsync(school.SchoolId, cancellationToken), input, school.Can(SchoolPermission.Consult));
        }

        public async Task<Result> SetAsync(SchoolAccess school, UserScope user, Input input, CancellationToken cancellationToken)
        {
            var step = new ImplementationPhaseStep
            {
                SchoolId = school.SchoolId,
                Phase = input.Phase!.Value,
                Date = ConversationForm.ParseDate(input.Date)!.Value,
                Note = DevelopmentPointForm.CleanText(input.Note),
                SetByName = user.DisplayName,
                SetAt = time.GetUtcNow(),
            };
            db.ImplementationPhaseSteps.Add(step);
            auditLog.Add(AuditActions.Phase, $"Fase van {school.School!.Name}: {step.Phase.ToDutch().ToLowerInvariant()} per {DutchCalendar.Format(step.Date)}.", subject: school.LocationCode);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok(step.Id);
        }
    }
}
