using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// Deleting an ontwikkelpunt after a confirmation page. Like an edit, it only succeeds against the
/// version the user confirmed: a point someone changed in between is shown again first.
/// </summary>
public static class DeleteDevelopmentPoint
{
    public sealed class Input
    {
        public int Version { get; set; }
    }

    public sealed record Model(string SchoolCode, FindDevelopmentPoint.Found Found, bool ChangedMeanwhile)
    {
        public string Action => $"/school/{SchoolCode}/ontwikkelpunten/{Found.Point.Id}/verwijderen";
        public string ListUrl => $"/school/{SchoolCode}/ontwikkelpunten?jaar={Found.Year.Year.Name}";
    }

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>Deleted, not found, or a conflict when someone changed the point after the user confirmed.</summary>
        public async Task<Result> DeleteAsync(int schoolId, int id, int version, CancellationToken cancellationToken)
        {
            var point = await db.DevelopmentPoints.SingleOrDefaultAsync(p => p.Id == id && p.SchoolId == schoolId, cancellationToken);
            if (point is null) return Result.NotFound();

            db.Entry(point).Property(p => p.Version).OriginalValue = version;
            db.DevelopmentPoints.Remove(point);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var stillThere = await db.DevelopmentPoints.AnyAsync(p => p.Id == id && p.SchoolId == schoolId, cancellationToken);
                return stillThere ? Result.Conflict("Iemand anders heeft dit ontwikkelpunt intussen gewijzigd.") : Result.NotFound();
            }

            logger.LogInformation("Development point {PointId} of school {SchoolId} deleted", id, schoolId);
            return Result.Ok(id);
        }
    }
}
