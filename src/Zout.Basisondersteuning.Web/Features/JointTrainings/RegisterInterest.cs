using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.JointTrainings;

/// <summary>An invited school answers: interested (with how many people) or not; it can change its answer until the first date.</summary>
public static class RegisterInterest
{
    public const int MaxParticipants = 50;

    public sealed class Input
    {
        public bool? Interested { get; set; }
        public int? Participants { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Interested).NotNull().WithMessage("Kies of uw school belangstelling heeft.");
            RuleFor(x => x.Participants)
                .Must((x, n) => x.Interested != true || n is >= 1 and <= MaxParticipants)
                .WithMessage($"Vul in met hoeveel mensen u komt: 1 tot en met {MaxParticipants}.");
            RuleFor(x => x.Note).Cascade(CascadeMode.Stop)
                .Must(n => (n?.Trim().Length ?? 0) <= JointTrainingInvitation.NoteMaxLength)
                .WithMessage($"De opmerking mag hoogstens {JointTrainingInvitation.NoteMaxLength} tekens lang zijn.")
                .NoPupilData(time);
        }
    }

    public sealed record Invitation(int Id, string Title, string Theme, string? Description, string? Location, IReadOnlyList<DateOnly> Dates, bool? Interested,
        int? Participants, string? Note, string? RespondedByName, int Version, bool IsPast);

    public sealed record Model(string SchoolCode, string SchoolName, bool CanAnswer, IReadOnlyList<Invitation> Invitations, int? FormFor, Input? Form);

    public sealed class Handler(AppDbContext db, AuditLog auditLog, TimeProvider time)
    {
        public async Task<Model> PageAsync(SchoolAccess school, int? formFor, Input? form, CancellationToken cancellationToken)
        {
            var today = time.Today();
            var rows = await db.JointTrainingInvitations.AsNoTracking()
                .Where(i => i.SchoolId == school.SchoolId)
                .OrderByDescending(i => i.JointTraining.FirstDate)
                .Select(i => new
                {
                    i.JointTrainingId,
                    i.JointTraining.Title,
                    i.JointTraining.Theme,
                    i.JointTraining.Description,
                    i.JointTraining.Location,
                    i.JointTraining.FirstDate,
                    i.JointTraining.SecondDate,
                    i.JointTraining.ThirdDate,
                    i.Interested,
                    i.Participants,
                    i.Note,
                    i.RespondedByName,
                    i.Version,
                })
                .ToListAsync(cancellationToken);
            var invitations = rows.Select(r => new Invitation(r.JointTrainingId, r.Title, r.Theme, r.Description, r.Location,
                new[] { (DateOnly?)r.FirstDate, r.SecondDate, r.ThirdDate }.OfType<DateOnly>().ToList(), r.Interested, r.Participants, r.Note, r.RespondedByName, r.Version,
                r.FirstDate < today)).ToList();
            return new Model(school.LocationCode, school.School!.Name, school.Can(SchoolPermission.Edit), invitations, formFor, form);
        }

        public async Task<Result> HandleAsync(SchoolAccess school, UserScope user, int trainingId, Input input, CancellationToken cancellationToken)
        {
            var invitation = await db.JointTrainingInvitations.Include(i => i.JointTraining)
                .SingleOrDefaultAsync(i => i.JointTrainingId == trainingId && i.SchoolId == school.SchoolId, cancellationToken);
            if (invitation is null) return Result.NotFound();
            if (invitation.JointTraining.FirstDate < time.Today()) return Result.Refused("Deze scholing is al begonnen: aanmelden kan niet meer.");
            db.Entry(invitation).Property(i => i.Version).OriginalValue = input.Version;
            invitation.Version = input.Version + 1;
            invitation.Interested = input.Interested;
            invitation.Participants = input.Interested == true ? input.Participants : null;
            invitation.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            invitation.RespondedByName = user.DisplayName;
            invitation.RespondedAt = time.GetUtcNow();
            auditLog.Add(AuditActions.JointTraining,
                $"{school.School!.Name} {(input.Interested == true ? $"heeft belangstelling ({input.Participants} deelnemers)" : "heeft geen belangstelling")} voor '{invitation.JointTraining.Title}'.",
                subject: school.LocationCode);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Result.Conflict("Een collega heeft intussen voor uw school geantwoord. Bekijk het antwoord en pas het zo nodig aan.");
            }

            return Result.Ok(trainingId, invitation.Version);
        }
    }
}
