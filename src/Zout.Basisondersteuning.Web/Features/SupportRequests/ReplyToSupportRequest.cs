using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.SupportRequests;

/// <summary>
/// A reply in the short thread of a request, by the school or by the partnership. A reply of the partnership moves a
/// new request to "in behandeling" and tells the school's users; a reply of the school tells the contact person.
/// </summary>
public static class ReplyToSupportRequest
{
    public sealed class Input
    {
        public string? Text { get; set; }
        public int Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf uw reactie.")
                .Must(t => DevelopmentPointForm.CleanText(t)!.Length <= SupportRequestMessage.TextMaxLength)
                .WithMessage($"Een reactie mag hoogstens {SupportRequestMessage.TextMaxLength} tekens lang zijn.")
                .NoPupilData(time);
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog, Notifier notifier, TimeProvider time)
    {
        public async Task<Result> ReplyAsync(SchoolAccess school, UserScope user, int id, Input input, CancellationToken cancellationToken)
        {
            var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == id && r.SchoolId == school.SchoolId, cancellationToken);
            if (request is null) return Result.NotFound();
            var fromSchool = user.Role == UserRole.SchoolUser;
            db.Entry(request).Property(r => r.Version).OriginalValue = input.Version;
            request.Version = input.Version + 1;
            if (!fromSchool && request.Status == SupportRequestStatus.New) request.Status = SupportRequestStatus.InProgress;
            db.SupportRequestMessages.Add(new SupportRequestMessage
            {
                SupportRequestId = id,
                At = time.GetUtcNow(),
                AuthorId = user.UserId,
                AuthorName = user.DisplayName,
                FromSchool = fromSchool,
                Text = DevelopmentPointForm.CleanText(input.Text)!,
            });
            auditLog.Add(AuditActions.SupportRequest, $"Reactie op de vraag '{request.Subject}' van {school.School!.Name} door {(fromSchool ? "de school" : "Team BO")}.", subject: school.LocationCode);
            var recipients = fromSchool ? await notifier.ContactPersonAsync(school.SchoolId, cancellationToken) : await notifier.SchoolUsersAsync(school.SchoolId, cancellationToken);
            await notifier.QueueAsync(recipients.Where(r => r != user.UserId), new NotificationMessage(
                fromSchool ? $"Reactie van {school.School.Name} op een vraag" : $"Team Basisondersteuning heeft uw vraag beantwoord",
                fromSchool
                    ? $"{school.School.Name} heeft gereageerd op de vraag '{request.Subject}'."
                    : $"{user.DisplayName} van Team Basisondersteuning heeft gereageerd op de vraag '{request.Subject}' van {school.School.Name}.",
                $"/school/{school.LocationCode}/vragen/{id}#reacties", school.SchoolId), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Result.Conflict("Er is intussen iets aan deze vraag veranderd (een reactie of de status). Lees de nieuwste versie; uw tekst staat nog in het vak.");
            }

            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(id, request.Version);
        }
    }
}
