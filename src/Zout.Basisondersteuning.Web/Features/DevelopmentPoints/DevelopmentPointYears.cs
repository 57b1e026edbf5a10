using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// The school years ontwikkelpunten can belong to: those with a framework, because domain, aspect and
/// levels come from it. Without a year in the URL the latest of them is meant.
/// </summary>
public static class DevelopmentPointYears
{
    public sealed record Option(string Name, bool IsClosed);

    public sealed class Handler(AppDbContext db, FrameworkStore frameworks)
    {
        /// <summary>Years with a framework, newest first.</summary>
        public Task<List<Option>> OptionsAsync(CancellationToken cancellationToken) =>
            db.SchoolYears.AsNoTracking()
                .Where(y => db.ScanFrameworks.Any(f => f.SchoolYearId == y.Id))
                .OrderByDescending(y => y.StartYear)
                .Select(y => new Option(y.Name, y.IsClosed))
                .ToListAsync(cancellationToken);

        /// <summary>The named year, or the latest year with a framework when no name is given; null when there is none.</summary>
        public async Task<YearFramework?> FindAsync(string? name, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrWhiteSpace(name)) return await frameworks.ForYearAsync(name.Trim(), cancellationToken);

            var latest = await db.SchoolYears.AsNoTracking()
                .Where(y => db.ScanFrameworks.Any(f => f.SchoolYearId == y.Id))
                .OrderByDescending(y => y.StartYear)
                .FirstOrDefaultAsync(cancellationToken);
            return latest is null ? null : await frameworks.ForYearAsync(latest, cancellationToken);
        }

        public async Task<YearFramework?> ByIdAsync(int schoolYearId, CancellationToken cancellationToken)
        {
            var year = await db.SchoolYears.AsNoTracking().SingleOrDefaultAsync(y => y.Id == schoolYearId, cancellationToken);
            return year is null ? null : await frameworks.ForYearAsync(year, cancellationToken);
        }
    }
}
