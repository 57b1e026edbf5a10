using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>The whole framework of a year on one readable page, with the ways to change it while that is allowed.</summary>
public static class FrameworkOverview
{
    /// <param name="Start">For a year without a framework: what it can start with.</param>
    public sealed record Model(string YearName, string Status, DateOnly? ScanOpensOn, DateOnly? ScanClosesOn, string? NotEditableReason, int Version, FrameworkDefinition? Definition,
        FrameworkStart.Choice? Start = null)
    {
        public bool IsEditable => NotEditableReason is null;
        public string BaseUrl => $"/beheer/schooljaren/{YearName}/kader";
    }

    public sealed class Handler(AppDbContext db, FrameworkStore store, TimeProvider time)
    {
        public Task<Model?> HandleAsync(string yearName, CancellationToken cancellationToken) => HandleAsync(yearName, null, cancellationToken);

        /// <param name="chosen">The start the admin posted, to show again next to its error.</param>
        public async Task<Model?> HandleAsync(string yearName, string? chosen, CancellationToken cancellationToken)
        {
            if (!SchoolYear.TryParseName(yearName, out var startYear)) return null;
            var year = await db.SchoolYears.AsNoTracking().SingleOrDefaultAsync(y => y.StartYear == startYear, cancellationToken);
            if (year is null) return null;
            var today = DutchCalendar.Today(time);
            var framework = await store.ForYearAsync(year, cancellationToken);
            var start = framework is null
                ? FrameworkStart.ChoiceFor(await FrameworkStart.LatestBeforeNameAsync(db, year.StartYear, cancellationToken), chosen)
                : null;
            return new Model(year.Name, SchoolYearList.StatusOf(year, today), year.ScanOpensOn, year.ScanClosesOn,
                FrameworkEditing.NotEditableReason(year, today), framework?.FrameworkVersion ?? 0, framework?.Definition, start);
        }
    }
}
