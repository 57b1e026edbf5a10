using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// Changing an ontwikkelpunt during the year. Several people of a school may work on the same point, so
/// a save only succeeds against the version the user started from; otherwise the user resolves the
/// conflict field by field (<see cref="ResolveEditConflict"/>) instead of overwriting someone's work.
/// </summary>
public static class EditDevelopmentPoint
{
    public sealed class Handler(AppDbContext db, FindDevelopmentPoint.Handler find, ILogger<Handler> logger)
    {
        /// <summary>Saved, not found, or a conflict whose value is what is stored now (values and version).</summary>
        public async Task<Result<FindDevelopmentPoint.Stored>> SaveAsync(int schoolId, int id, PointValues values, int version, CancellationToken cancellationToken)
        {
            var point = await db.DevelopmentPoints.SingleOrDefaultAsync(p => p.Id == id && p.SchoolId == schoolId, cancellationToken);
            if (point is null) return Result.NotFound().As<FindDevelopmentPoint.Stored>();

            // The version the user started from becomes the original value, so the UPDATE's WHERE clause
            // decides: a stale form and two saves at the same moment end the same way.
            db.Entry(point).Property(p => p.Version).OriginalValue = version;
            point.Version = version + 1;
            point.DomainKey = values.DomainKey;
            point.AspectKey = values.AspectKey;
            point.Title = values.Title;
            point.CurrentLevel = values.CurrentLevel;
            point.TargetLevel = values.TargetLevel;
            point.Actions = values.Actions;
            point.Owner = values.Owner;
            point.Deadline = values.Deadline;
            point.Status = values.Status;

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await find.StoredAsync(schoolId, id, cancellationToken);
                logger.LogInformation("Development point {PointId}: save on version {Version} refused, stored version is {StoredVersion}",
                    id, version, current?.Version);
                return current is null
                    ? Result.NotFound().As<FindDevelopmentPoint.Stored>()
                    : Result.Conflict("Iemand anders heeft dit ontwikkelpunt intussen opgeslagen.").With(current);
            }

            logger.LogInformation("Development point {PointId} saved as version {Version}", id, point.Version);
            return Result.Ok(point.Id, point.Version).As<FindDevelopmentPoint.Stored>();
        }
    }
}
