using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans.Templates;
using static Zout.Basisondersteuning.Tests.Infrastructure.Pdfs;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// Each dashboard, with its filters, as a tagged PDF hand-out for a meeting: the same sections through the documents'
/// renderer, on A4 landscape, in the same access scope as the page. Needs Chromium.
/// </summary>
[Collection(Portals.Documents)]
public sealed class DashboardHandoutTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private const string Year = TestData.ThisYear;

    [Fact]
    public async Task PartnershipHandout_IsATaggedLandscapePdf_WithTheFiltersAndTheSections()
    {
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).InRegion(World.North)
            .WithAdoptedScan(2026, scan => scan.Level("taal-lezen", "aanbod", 3).Agreement("1", 2).Capacity("visie", 3).KeyFigure("arrangementen", 2)));
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var bytes = await GetPdfAsync(admin, $"/swv/dashboard.pdf?jaar={Year}&regio={World.North.Id}&groep=regio");
        var pdf = Read(bytes);

        Assert.True(pdf.IsTagged);
        Assert.True(pdf.HasStructTree);
        // A4 landscape: 842 x 595 points.
        Assert.InRange(pdf.FirstPageWidth, 840, 843);
        Assert.InRange(pdf.FirstPageHeight, 594, 597);
        Assert.Contains("Dashboard samenwerkingsverband", pdf.Text);
        Assert.Contains("Regio: Noord", pdf.Text);
        Assert.Contains("Gegroepeerd per regio", pdf.Text);
        foreach (var section in new[] { "Wat vraagt aandacht", "Voltooiing 2026-2027", "Domeinen", "Afspraken", "Verandercapaciteit", "Kengetallen", "Dekkend aanbod", "Trends", "Financiën" })
        {
            Assert.Contains(section, pdf.Bookmarks);
        }

        Assert.DoesNotContain("Documenten downloaden", pdf.Bookmarks);
        Assert.DoesNotContain("Downloaden: Excel", pdf.Text);
        Assert.Contains(school.Name, pdf.Text);
        Assert.Empty(WordsOutsideThePage(bytes));
    }

    /// <summary>The widest tables there are: 25 agreements per board, 11 domains, 32 offering items, on one landscape page width.</summary>
    [Fact]
    public async Task Handout_WithTheWidestFramework_FitsThePaper()
    {
        await Data.CreateYearAsync(2095, y => y.WithFramework(FrameworkTemplates.Load(FrameworkTemplates.Find("25-afspraken")!)));
        for (var i = 0; i < 3; i++)
        {
            var level = i + 2;
            await Data.CreateSchoolAsync(s => s.InBoard(World.BoardB).InRegion(World.South).WithAdoptedScan(2095, scan =>
            {
                scan.Level("taal-lezen", "aanbod", level).Level("basiskwaliteit", "borging", level).KeyFigure("thuiszitters", level);
                foreach (var agreement in FrameworkTemplates.Load(FrameworkTemplates.Find("25-afspraken")!).Agreements) scan.Agreement(agreement.Key, level);
            }));
        }

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var bytes = await GetPdfAsync(admin, $"/swv/dashboard.pdf?jaar=2095-2096");
        var text = Read(bytes).Text;
        Assert.Contains("25. De school heeft een meldcode", text);
        Assert.Contains("Samenwerking met ouders en ketenpartners", text);
        Assert.Empty(WordsOutsideThePage(bytes));
    }

    [Fact]
    public async Task Handouts_AreInTheSameScopeAsTheirDashboards()
    {
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var boardPdf = Read(await GetPdfAsync(board, $"/bestuur/{World.BoardA.Id}/dashboard.pdf?jaar={Year}"));
        Assert.Contains("Dashboard Stichting Bestuur A", boardPdf.Text);
        Assert.DoesNotContain("Citroenvlinder", boardPdf.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/bestuur/{World.BoardB.Id}/dashboard.pdf?jaar={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/swv/dashboard.pdf?jaar={Year}")).StatusCode);

        var school = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var schoolPdf = Read(await GetPdfAsync(school, $"/school/{World.SchoolA1.Code}/dashboard.pdf?jaar={Year}"));
        Assert.Contains("Dashboard Obs Aalscholver", schoolPdf.Text);
        Assert.Contains("Wat vraagt aandacht", schoolPdf.Bookmarks);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/school/{World.SchoolB1.Code}/dashboard.pdf?jaar={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/bestuur/{World.BoardA.Id}/dashboard.pdf?jaar={Year}")).StatusCode);

        // The south consultant's hand-out holds the schools of their scope only (A2 and B1, not A1).
        var consultant = Read(await GetPdfAsync(await Factory.LoggedInClientAsync(World.SouthConsultant), $"/swv/dashboard.pdf?jaar={Year}&bestuur={World.BoardA.Id}"));
        Assert.DoesNotContain("Aalscholver", consultant.Text);

        var anonymous = Factory.CreatePortalClient();
        var login = await anonymous.GetAsync($"/swv/dashboard.pdf?jaar={Year}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("https://localhost/account/inloggen", login.Location());
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.LoggedInClientAsync(World.Admin)).GetAsync("/swv/dashboard.pdf?jaar=1999-2000")).StatusCode);
    }
}
