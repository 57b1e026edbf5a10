using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// A portal with small known figures on top of the <see cref="World"/>: two school years whose frameworks
/// differ (2025 has a domain "oud-domein", 2026 a domain "gedrag"), scans in every status and a school
/// without a scan ("Obs Zonder Scan", board A, north), with agreements, verandercapaciteit and key figures, and
/// the schools in municipalities: A1 and B1 in Zeist, A2 in Utrechtse Heuvelrug, Zonder Scan in Wijk bij Duurstede.
/// </summary>
public sealed class DashboardPortal : PortalFactory
{
    public static FrameworkDefinition Framework2025()
    {
        var framework = TestData.SmallFramework();
        framework.Domains.Add(new DomainDefinition { Key = "oud-domein", Name = "Oud domein" });
        return framework;
    }

    public static FrameworkDefinition Framework2026()
    {
        var framework = TestData.SmallFramework();
        framework.Domains.Add(new DomainDefinition { Key = "gedrag", Name = "Gedrag" });
        return framework;
    }

    protected override async Task SeedAsync()
    {
        var world = await WorldAsync();
        await Data.CreateYearAsync(2025, y => y.WithFramework(Framework2025()));
        await Data.CreateYearAsync(2026, y => y.WithFramework(Framework2026()));
        await Data.CreateSchoolAsync(s => s.Named("Obs Zonder Scan").InBoard(world.BoardA).InRegion(world.North).InMunicipality("WIJK BIJ DUURSTEDE"));
        var municipalities = new Dictionary<int, string> { [world.SchoolA1.Id] = "ZEIST", [world.SchoolA2.Id] = "UTRECHTSE HEUVELRUG", [world.SchoolB1.Id] = "ZEIST" };
        await WithDbAsync(async db =>
        {
            var ids = municipalities.Keys.ToList();
            foreach (var school in db.Schools.Where(s => ids.Contains(s.Id))) school.Municipality = municipalities[school.Id];
            return await db.SaveChangesAsync();
        });

        // A1 (board A, north): adopted both years.
        await Data.SetScanAsync(world.SchoolA1, 2025, scan => scan.Adopted()
            .Level("taal-lezen", "expertise", 2).Level("taal-lezen", "aanbod", 2).Level("rekenen", "expertise", 3).Level("rekenen", "aanbod", 3)
            .Level("oud-domein", "expertise", 4).Level("oud-domein", "aanbod", 4)
            .Agreement("1", 2).Agreement("2", 3).Capacity("visie", 2).Capacity("leiderschap", 2).KeyFigure("arrangementen", 4));
        await Data.SetScanAsync(world.SchoolA1, 2026, scan => scan.Adopted()
            .Level("taal-lezen", "expertise", 4).Level("taal-lezen", "aanbod", 2).Level("rekenen", "expertise", 3).Level("rekenen", "aanbod", 3)
            .Level("gedrag", "expertise", 1).Offer("dyslexiespecialist").Offer("lift").Money("ib", 1000m).Money("scholing", 250m)
            .Agreement("1", 1, "We beginnen dit jaar met een vaste cyclus.").Agreement("2", 3).Capacity("visie", 3).Capacity("leiderschap", 3).KeyFigure("arrangementen", 6));
        // A2 (board A, south): submitted this year only.
        await Data.SetScanAsync(world.SchoolA2, 2026, scan => scan.Submitted()
            .Level("taal-lezen", "expertise", 2).Level("taal-lezen", "aanbod", 2).Level("rekenen", "expertise", 1).Level("rekenen", "aanbod", 1)
            .Offer("lift").Money("ib", 500m)
            .Agreement("1", 2).Agreement("2", 4).Capacity("visie", 2).KeyFigure("arrangementen", null));
        // B1 (board B, north): adopted last year, still a concept this year (which no figure counts).
        await Data.SetScanAsync(world.SchoolB1, 2025, scan => scan.Adopted()
            .Level("taal-lezen", "expertise", 4).Level("taal-lezen", "aanbod", 4).Offer("gedragsspecialist")
            .Agreement("1", 4).Agreement("2", 3).Capacity("visie", 4).Capacity("leiderschap", 4).KeyFigure("arrangementen", 2));
        await Data.SetScanAsync(world.SchoolB1, 2026, scan => scan.Concept()
            .Level("taal-lezen", "expertise", 1).Level("taal-lezen", "aanbod", 1).Offer("prikkelarme-ruimte")
            .Agreement("1", 4).Capacity("visie", 1).KeyFigure("arrangementen", 9));

        await Data.CreateDevelopmentPointAsync(world.SchoolA1, 2026, p => p.For("taal-lezen", "aanbod").Titled("Nieuwe leesmethode invoeren"));
        await Data.CreateDevelopmentPointAsync(world.SchoolA2, 2026, p => p.For("taal-lezen", "aanbod").Titled("Leesaanbod verbreden"));
        await Data.CreateDevelopmentPointAsync(world.SchoolB1, 2026, p => p.For("rekenen", "expertise").Titled("Rekenspecialist opleiden"));
    }

    /// <summary>More schools in board A, region north, each with an adopted scan of this year and a development point.</summary>
    public async Task AddSchoolsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).InRegion(World.North)
                .WithAdoptedScan(2026, scan => scan.Level("taal-lezen", "expertise", 3).Offer("lift"))
                .WithDevelopmentPoint(2026, p => p.For("rekenen", "aanbod").Titled("Rekenen")));
        }
    }
}
