using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Data;

public sealed record YearFramework(SchoolYear Year, int FrameworkId, int FrameworkVersion, FrameworkDefinition Definition);

/// <summary>A school year with the id and version of its framework (null when it has none).</summary>
public sealed record YearEntry(SchoolYear Year, int? FrameworkId, int? FrameworkVersion);

/// <summary>
/// The school years and which framework version each has, kept in memory while the
/// <see cref="Domain.Dashboards.ChangeCounter.Frameworks"/> stamp stays the same (ADR 062).
/// </summary>
public sealed class FrameworkCatalog
{
    private readonly StampedValue<IReadOnlyList<YearEntry>> _years = new();

    public async Task<IReadOnlyList<YearEntry>> YearsAsync(AppDbContext db, ChangeStamps stamps, CancellationToken cancellationToken) =>
        await _years.GetAsync((await stamps.GetAsync(cancellationToken)).Frameworks, async () =>
        {
            var rows = await db.SchoolYears.AsNoTracking()
                .OrderBy(y => y.StartYear)
                .Select(y => new { Year = y, Framework = db.ScanFrameworks.Where(f => f.SchoolYearId == y.Id).Select(f => new { f.Id, f.Version }).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new YearEntry(r.Year, r.Framework?.Id, r.Framework?.Version)).ToList();
        });
}

/// <summary>
/// Reads the framework of a school year. The school years and their framework versions come from the
/// <see cref="FrameworkCatalog"/> in memory, the parsed definition is cached per framework version, so a change by
/// the admin is seen at once and an unchanged one is read and parsed only once.
/// </summary>
public sealed class FrameworkStore(AppDbContext db, IMemoryCache cache, FrameworkCatalog catalog, ChangeStamps stamps)
{
    /// <summary>Every school year, oldest first, each a copy of its own: callers may change it.</summary>
    public async Task<IReadOnlyList<YearEntry>> YearsAsync(CancellationToken cancellationToken = default) =>
        (await catalog.YearsAsync(db, stamps, cancellationToken)).Select(e => e with { Year = Copy(e.Year) }).ToList();

    public async Task<YearFramework?> ForYearAsync(string yearName, CancellationToken cancellationToken = default)
    {
        if (!SchoolYear.TryParseName(yearName, out var startYear)) return null;
        var entry = (await catalog.YearsAsync(db, stamps, cancellationToken)).FirstOrDefault(e => e.Year.StartYear == startYear);
        return entry is null ? null : await ForEntryAsync(entry, cancellationToken);
    }

    public async Task<YearFramework?> ForYearAsync(SchoolYear year, CancellationToken cancellationToken = default)
    {
        var entry = (await catalog.YearsAsync(db, stamps, cancellationToken)).FirstOrDefault(e => e.Year.Id == year.Id);
        return entry is null ? null : await ForEntryAsync(entry, cancellationToken);
    }

    private async Task<YearFramework?> ForEntryAsync(YearEntry entry, CancellationToken cancellationToken)
    {
        if (entry is not { FrameworkId: { } id, FrameworkVersion: { } version }) return null;
        var definition = await cache.GetOrCreateAsync(("framework", id, version), async cacheEntry =>
        {
            cacheEntry.SlidingExpiration = TimeSpan.FromHours(1);
            var json = await db.ScanFrameworks.AsNoTracking().Where(f => f.Id == id).Select(f => f.DefinitionJson).SingleAsync(cancellationToken);
            return FrameworkDefinition.FromJson(json);
        });
        return new YearFramework(Copy(entry.Year), id, version, definition!);
    }

    /// <summary>The definition of a framework row, for callers that already loaded it.</summary>
    public FrameworkDefinition Parse(ScanFramework framework) =>
        cache.GetOrCreate(("framework", framework.Id, framework.Version), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return FrameworkDefinition.FromJson(framework.DefinitionJson);
        })!;

    private static SchoolYear Copy(SchoolYear year) => year.Copy();
}
