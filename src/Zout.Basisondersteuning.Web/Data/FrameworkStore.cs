using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Data;

public sealed record YearFramework(SchoolYear Year, int FrameworkId, int FrameworkVersion, FrameworkDefinition Definition);

/// <summary>
/// Reads the framework of a school year. The parsed definition is cached per framework version, so a
/// change by the admin is seen at once and an unchanged one is parsed only once.
/// </summary>
public sealed class FrameworkStore(AppDbContext db, IMemoryCache cache)
{
    public async Task<YearFramework?> ForYearAsync(string yearName, CancellationToken cancellationToken = default)
    {
        if (!SchoolYear.TryParseName(yearName, out var startYear)) return null;
        var year = await db.SchoolYears.AsNoTracking().SingleOrDefaultAsync(y => y.StartYear == startYear, cancellationToken);
        return year is null ? null : await ForYearAsync(year, cancellationToken);
    }

    public async Task<YearFramework?> ForYearAsync(SchoolYear year, CancellationToken cancellationToken = default)
    {
        var row = await db.ScanFrameworks.AsNoTracking()
            .Where(f => f.SchoolYearId == year.Id)
            .Select(f => new { f.Id, f.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null) return null;

        var definition = await cache.GetOrCreateAsync(($"framework", row.Id, row.Version), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            var json = await db.ScanFrameworks.AsNoTracking().Where(f => f.Id == row.Id).Select(f => f.DefinitionJson).SingleAsync(cancellationToken);
            return FrameworkDefinition.FromJson(json);
        });
        return new YearFramework(year, row.Id, row.Version, definition!);
    }

    /// <summary>The definition of a framework row, for callers that already loaded it.</summary>
    public FrameworkDefinition Parse(ScanFramework framework) =>
        cache.GetOrCreate(("framework", framework.Id, framework.Version), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return FrameworkDefinition.FromJson(framework.DefinitionJson);
        })!;
}
