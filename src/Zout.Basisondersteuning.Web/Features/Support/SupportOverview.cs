using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Features.Dashboards;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>The admin's overview of one year's offering: the list of arrangements (also as a download) and the texts.</summary>
public static class SupportOverview
{
    public const string ArrangementsTable = "arrangementen";

    public sealed record Model(string YearName, bool IsClosed, IReadOnlyList<string> Years, EditSupportTexts.Input Texts, ReportTable Arrangements) : IReportPage
    {
        public IEnumerable<ReportTable> Tables => [Arrangements];

        public string FileName => $"arrangementen-{YearName}";
    }

    public sealed class Handler(AppDbContext db, PartnershipSupportQuery support)
    {
        public async Task<IReadOnlyList<string>> YearsAsync(CancellationToken cancellationToken) =>
            await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartYear).Select(y => y.Name).ToListAsync(cancellationToken);

        public async Task<Model?> HandleAsync(string yearName, EditSupportTexts.Input? texts, CancellationToken cancellationToken)
        {
            if (!SchoolYear.TryParseName(yearName, out var start)) return null;
            var year = await db.SchoolYears.AsNoTracking().SingleOrDefaultAsync(y => y.StartYear == start, cancellationToken);
            if (year is null) return null;
            texts ??= EditSupportTexts.Input.From(await db.SupportOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.SchoolYearId == year.Id, cancellationToken));
            var offering = await support.ForYearIdAsync(year.Id, 2, cancellationToken);
            var table = new ReportTable(ArrangementsTable, $"Arrangementen in {year.Name}")
            {
                Headers = ["Naam", "Vorm", "Vervangend of aanvullend", "Duur", "Status", "Waar", "Beschikbaar in", "Plaatsen"],
                EmptyText = "Er zijn voor dit schooljaar nog geen arrangementen.",
            };
            foreach (var a in offering.Arrangements)
            {
                table.Add(new ReportCell(a.Name, $"/beheer/ondersteuning/{year.Name}/arrangementen/{a.Id}"), a.Form.ToDutch(), a.Relation.ToDutchShort(),
                    a.Durations.ToDutch(), a.Status.ToDutch(), a.Where ?? "", a.IsEverywhere ? "Alle regio's" : string.Join(", ", a.Regions),
                    a.Places?.ToString(Infrastructure.PortalSetup.Dutch) ?? "");
            }

            return new Model(year.Name, year.IsClosed, await YearsAsync(cancellationToken), texts, table);
        }
    }
}
