using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

public static class SchoolYearList
{
    public sealed record Item(string Name, DateOnly? ScanOpensOn, DateOnly? ScanClosesOn, string Status, bool HasFramework, int FrameworkVersion);

    /// <param name="Start">The choice of the new year's framework: a copy of the latest year's (when it has one) or a template.</param>
    public sealed record Model(IReadOnlyList<Item> Years, int NextStartYear, FrameworkStart.Choice Start)
    {
        public string NextName => SchoolYear.NameFor(NextStartYear);
    }

    /// <summary>The status words of the list: what an admin can still do with the year.</summary>
    public static string StatusOf(SchoolYear year, DateOnly today)
    {
        if (year.IsClosed) return "Gesloten";
        if (year.IsFrameworkEditable(today)) return "Kader bewerkbaar";
        if (year.IsScanWindowOpen(today)) return "Scan open";
        return "Scanperiode voorbij";
    }

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public Task<Model> HandleAsync(CancellationToken cancellationToken) => HandleAsync(null, cancellationToken);

        /// <param name="chosen">The choice the admin posted, to show again next to its error.</param>
        public async Task<Model> HandleAsync(string? chosen, CancellationToken cancellationToken)
        {
            var today = DutchCalendar.Today(time);
            var years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartYear).ToListAsync(cancellationToken);
            var frameworks = await db.ScanFrameworks.AsNoTracking()
                .Select(f => new { f.SchoolYearId, f.Version })
                .ToDictionaryAsync(f => f.SchoolYearId, f => f.Version, cancellationToken);
            var items = years
                .Select(y => new Item(y.Name, y.ScanOpensOn, y.ScanClosesOn, StatusOf(y, today), frameworks.ContainsKey(y.Id), frameworks.GetValueOrDefault(y.Id)))
                .ToList();
            // The new year copies the latest year: that one, when it has a framework.
            var copyFrom = items is [{ HasFramework: true } latest, ..] ? latest.Name : null;
            return new Model(items, CreateNextYear.NextStartYear(years.Select(y => y.StartYear), today), FrameworkStart.ChoiceFor(copyFrom, chosen));
        }
    }
}
