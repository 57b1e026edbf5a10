using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>
/// A new school year starts with last year's arrangements and texts (the SOP framing, the route), so the partnership
/// only changes what is new; a partnership's first year starts with the default texts (<see cref="SupportDefaults"/>).
/// Adds to the context only: the caller saves, in the same SaveChanges as the new year.
/// </summary>
public static class SupportCarryOver
{
    /// <summary>Adds to <paramref name="newYear"/> (new or tracked) copies of the offering of <paramref name="fromYearId"/>; the defaults when that has no texts.</summary>
    /// <returns>The number of arrangements copied.</returns>
    public static async Task<int> AddAsync(AppDbContext db, int? fromYearId, SchoolYear newYear, CancellationToken cancellationToken)
    {
        var texts = fromYearId is { } textsFrom
            ? await db.SupportOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.SchoolYearId == textsFrom, cancellationToken)
            : null;
        db.SupportOfferings.Add(texts?.CopyTo(newYear) ?? SupportDefaults.NewOffering(newYear));
        if (fromYearId is not { } from) return 0;

        // Tracked, with their regions, so the copies link to the same regions.
        var arrangements = await db.SupportArrangements.Include(a => a.Regions)
            .Where(a => a.SchoolYearId == from)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        db.SupportArrangements.AddRange(arrangements.Select(a => a.CopyTo(newYear)));
        return arrangements.Count;
    }
}
