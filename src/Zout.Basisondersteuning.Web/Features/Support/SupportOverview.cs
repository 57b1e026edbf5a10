using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>The admin's overview of one year's offering: the texts and the list of arrangements.</summary>
public static class SupportOverview
{
    public sealed record ArrangementRow(int Id, string Name, string Form, string Duration);

    public sealed record Model(string YearName, bool IsClosed, IReadOnlyList<string> Years, EditSupportTexts.Input Texts, IReadOnlyList<ArrangementRow> Arrangements);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<string>> YearsAsync(CancellationToken cancellationToken) =>
            await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartYear).Select(y => y.Name).ToListAsync(cancellationToken);

        public async Task<Model?> HandleAsync(string yearName, EditSupportTexts.Input? texts, CancellationToken cancellationToken)
        {
            if (!SchoolYear.TryParseName(yearName, out var start)) return null;
            var year = await db.SchoolYears.AsNoTracking().SingleOrDefaultAsync(y => y.StartYear == start, cancellationToken);
            if (year is null) return null;
            var offering = await db.SupportOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.SchoolYearId == year.Id, cancellationToken);
            texts ??= new EditSupportTexts.Input
            {
                Introduction = offering?.Introduction,
                Phase1 = offering?.Phase1,
                Phase2 = offering?.Phase2,
                Phase3 = offering?.Phase3,
                Phase4 = offering?.Phase4,
                Version = offering?.UpdatedAt.UtcTicks ?? 0,
            };
            var rows = (await db.SupportArrangements.AsNoTracking().Where(a => a.SchoolYearId == year.Id).OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync(cancellationToken))
                .Select(a => new ArrangementRow(a.Id, a.Name, a.Form.ToDutch(), a.Duration.ToDutch())).ToList();
            return new Model(year.Name, year.IsClosed, await YearsAsync(cancellationToken), texts, rows);
        }
    }
}
