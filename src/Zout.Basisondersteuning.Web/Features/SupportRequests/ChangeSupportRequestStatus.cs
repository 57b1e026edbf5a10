using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.SupportRequests;

/// <summary>The consultant moves a request: nieuw, in behandeling, afgerond. Closing it tells the school's users.</summary>
public static class ChangeSupportRequestStatus
{
    public sealed class Input
    {
        public SupportRequestStatus? Status { get; set; }
        public int Version { get; set; }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog, Notifier notifier, TimeProvider time)
    {
        public async Task<Result> HandleAsync(SchoolAccess school, int id, Input input, CancellationToken cancellationToken)
        {
            if (input.Status is not { } status || !Enum.IsDefined(status)) return Result.Invalid(nameof(Input.Status), "Kies een status uit de lijst.");
            var request = await db.SupportRequests.SingleOrDefaultAsync(r => r.Id == id && r.SchoolId == school.SchoolId, cancellationToken);
            if (request is null) return Result.NotFound();
            if (request.Status == status) return Result.Ok(id, request.Version);

            db.Entry(request).Property(r => r.Version).OriginalValue = input.Version;
            var from = request.Status;
            request.Status = status;
            request.Version = input.Version + 1;
            request.ClosedAt = status == SupportRequestStatus.Done ? time.GetUtcNow() : null;
            auditLog.Add(AuditActions.SupportRequest, $"Vraag '{request.Subject}' van {school.School!.Name}: {from.ToDutch().ToLowerInvariant()} -> {status.ToDutch().ToLowerInvariant()}.", subject: school.LocationCode);
            if (status == SupportRequestStatus.Done)
            {
                await notifier.QueueAsync(await notifier.SchoolUsersAsync(school.SchoolId, cancellationToken), new NotificationMessage(
                    "Uw vraag aan Team Basisondersteuning is afgerond",
                    $"De vraag '{request.Subject}' van {school.School.Name} is afgerond.",
                    $"/school/{school.LocationCode}/vragen/{id}", school.SchoolId), cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Result.Conflict("Iemand anders heeft deze vraag intussen gewijzigd. Bekijk de nieuwste stand en kies opnieuw.");
            }

            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(id, request.Version);
        }
    }
}
