using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// One ontwikkelpunt of one school. The school id comes from the access check on the URL's code, so a
/// point of another school is simply not found (404), whatever id is typed.
/// </summary>
public static class FindDevelopmentPoint
{
    public sealed record Stored(int Id, int SchoolYearId, PointValues Values, int Version, string? UpdatedBy, DateTimeOffset UpdatedAt);

    /// <summary>The point with the framework of its school year; a point of a closed year is read-only.</summary>
    public sealed record Found(Stored Point, YearFramework Year)
    {
        public bool IsReadOnly => Year.Year.IsClosed;
    }

    public sealed class Handler(AppDbContext db, DevelopmentPointYears.Handler years)
    {
        public async Task<Found?> FindAsync(int schoolId, int id, CancellationToken cancellationToken)
        {
            var point = await StoredAsync(schoolId, id, cancellationToken);
            if (point is null) return null;
            var year = await years.ByIdAsync(point.SchoolYearId, cancellationToken);
            return year is null ? null : new Found(point, year);
        }

        public Task<Stored?> StoredAsync(int schoolId, int id, CancellationToken cancellationToken) =>
            db.DevelopmentPoints.AsNoTracking()
                .Where(p => p.Id == id && p.SchoolId == schoolId)
                .Select(p => new Stored(
                    p.Id,
                    p.SchoolYearId,
                    new PointValues(p.DomainKey, p.AspectKey, p.Title, p.CurrentLevel, p.TargetLevel, p.Actions, p.Owner, p.Deadline, p.Status),
                    p.Version,
                    p.UpdatedBy,
                    p.UpdatedAt))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
