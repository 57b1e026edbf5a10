using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Concept -> Ingediend: by a user of the school, only when every section is complete.</summary>
public static class Submit
{
    public sealed class Handler(AppDbContext db, ScanTransitions transitions, TimeProvider time, ScanOverview.Handler overview, Notifier notifier)
    {
        public async Task<Result> HandleAsync(ScanContext context, int version, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Edit)) return Result.Refused("Alleen medewerkers van de school kunnen de scan indienen.");
            if (context.Scan is null || context.Scan.Status is not (ScanStatus.Concept or ScanStatus.NotStarted) || !context.IsEditable)
                return Result.Refused("De scan kan nu niet worden ingediend.");
            var sections = await overview.SectionsAsync(context, cancellationToken);
            var incomplete = sections.Where(s => !s.IsComplete).Select(s => s.Section.Title).ToList();
            if (incomplete.Count > 0) return Result.Refused($"De scan is nog niet compleet. Maak eerst af: {string.Join(", ", incomplete)}.");

            var scan = await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            if (scan.Version != version) return Result.Conflict(ScanTransitions.ChangedMeanwhile);
            scan.SubmittedAt = time.GetUtcNow();
            scan.SubmittedBy = transitions.UserName;
            // The school's contact person hears of it (issue 11), in the same save as the step.
            await notifier.QueueAsync(await notifier.ContactPersonAsync(context.SchoolId, cancellationToken), new NotificationMessage(
                $"Scan {context.Year.Name} ingediend: {context.SchoolName}",
                $"{context.SchoolName} ({context.LocationCode}) heeft de scan basisondersteuning {context.Year.Name} ingediend.",
                context.BasePath, context.SchoolId), cancellationToken);
            if (!await transitions.MoveAsync(scan, ScanStatus.Submitted, null, cancellationToken)) return Result.Conflict(ScanTransitions.ChangedMeanwhile);
            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(scan.Id, scan.Version);
        }
    }
}
