using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using MimeKit;
using MiniExcelLibs;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>The figures of <see cref="DashboardPortal"/>, exactly: nothing on this portal changes them.</summary>
[Collection(Portals.Dashboards)]
public sealed class DashboardTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    private const string Year = TestData.ThisYear;

    private static List<string[]> Rows(IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll($"[data-testid='table-{tableId}'] tbody tr[data-testid='row-{tableId}']")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static string[] Row(IHtmlDocument page, string tableId, string header) =>
        Rows(page, tableId).Single(r => r[0] == header);

    private static string[] Headers(IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll($"[data-testid='table-{tableId}'] thead th").Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task BoardDashboard_HeatmapAveragesOverAspects_WithChangeSinceLastYear_AndCountsFinalScansOnly()
    {
        var client = await Factory.LoggedInClientAsync(World.BoardAUser);
        var page = await client.GetHtmlAsync($"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}");

        Assert.Equal(["School", "Scans", "Taal en lezen", "Rekenen", "Gedrag"], Headers(page, "heatmap"));
        // A1: taal (4+2)/2 = 3,0, was 2,0; rekenen unchanged; gedrag new in this year's framework, so no change.
        Assert.Equal(["Obs Aalscholver", "1", "3,0 (+1,0)", "3,0 (0,0)", "1,0"], Row(page, "heatmap", "Obs Aalscholver"));
        Assert.Equal(["Obs Boomklever", "1", "2,0", "1,0", "–"], Row(page, "heatmap", "Obs Boomklever"));
        Assert.Equal(["Obs Zonder Scan", "0", "–", "–", "–"], Row(page, "heatmap", "Obs Zonder Scan"));
        Assert.Contains("zb-heat--3", page.QuerySelector("[data-testid='table-heatmap'] tbody tr td:nth-child(3)")!.ClassName);

        Assert.Equal("Vastgesteld", Row(page, "status", "Obs Aalscholver")[4]);
        Assert.Equal("Ingediend", Row(page, "status", "Obs Boomklever")[4]);
        Assert.Equal("Niet begonnen", Row(page, "status", "Obs Zonder Scan")[4]);
        Assert.Equal(["Lift", "Voorzieningen", "2", "Obs Aalscholver, Obs Boomklever"], Row(page, "aanbod", "Lift"));
        Assert.Equal("0", Row(page, "aanbod", "Gedragsspecialist")[2]);
        Assert.Equal("€ 1.500", Row(page, "financien", "Intern begeleider")[1]);
        // Budget: two final scans x 200 pupils x € 100.
        Assert.Equal("€ 40.000", Row(page, "financien", "Budget basisondersteuning")[1]);
        Assert.Equal(2, Rows(page, "ontwikkelpunten").Count);
    }

    [Fact]
    public async Task BoardDashboard_DrillDownShowsAspectsOfOneDomain()
    {
        var client = await Factory.LoggedInClientAsync(World.BoardAUser);
        var page = await client.GetHtmlAsync($"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}&domein=taal-lezen");

        Assert.Equal(["School", "Scans", "Expertise", "Aanbod"], Headers(page, "heatmap"));
        Assert.Equal(["Obs Aalscholver", "1", "4,0 (+2,0)", "2,0 (0,0)"], Row(page, "heatmap", "Obs Aalscholver"));
    }

    [Fact]
    public async Task BoardUser_SeesOnlyOwnSchools_InEveryTableAndExport_AndNotOtherBoards()
    {
        var client = await Factory.LoggedInClientAsync(World.BoardAUser);
        var url = $"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}";
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Citroenvlinder", html);
        Assert.DoesNotContain("Rekenspecialist opleiden", html);
        foreach (var table in new[] { "status", "heatmap", "aanbod", "ontwikkelpunten", "financien" })
        {
            var csv = await client.GetStringAsync($"{url}&export=csv&tabel={table}");
            Assert.DoesNotContain("Citroenvlinder", csv);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/bestuur/{World.BoardB.Id}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/swv/dashboard")).StatusCode);

        var school = await Factory.LoggedInClientAsync(World.SchoolA1User);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/bestuur/{World.BoardA.Id}/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Exports_ContainWhatThePageShows()
    {
        var client = await Factory.LoggedInClientAsync(World.BoardAUser);
        var url = $"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}";
        var page = await client.GetHtmlAsync(url);
        var expected = Rows(page, "heatmap");

        var csvResponse = await client.GetAsync($"{url}&export=csv&tabel=heatmap");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        Assert.Equal(Headers(page, "heatmap"), lines[0]);
        Assert.Equal(expected, lines.Skip(1).ToList());

        var xlsx = await client.GetByteArrayAsync($"{url}&export=xlsx&tabel=heatmap");
        using var stream = new MemoryStream(xlsx);
        var sheet = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Headers(page, "heatmap"), sheet[0].Values.Select(v => v?.ToString() ?? "").ToArray());
        Assert.Equal(expected, sheet.Skip(1).Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{url}&export=csv&tabel=bestaat-niet")).StatusCode);
    }

    [Fact]
    public async Task PartnershipDashboard_FiguresForTheWholeRegion()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var page = await client.GetHtmlAsync($"/swv/dashboard?jaar={Year}");

        // Board A: taal (3,0 + 2,0) / 2 = 2,5, last year only A1 with 2,0. Board B's concept scan does not count.
        Assert.Equal(["Stichting Bestuur A", "2", "2,5 (+0,5)", "2,0 (-1,0)", "1,0"], Row(page, "heatmap", "Stichting Bestuur A"));
        Assert.Equal(["Stichting Bestuur B", "0", "–", "–", "–"], Row(page, "heatmap", "Stichting Bestuur B"));

        Assert.Equal(["Aanbod", "Noord", "Zuid", "Totaal"], Headers(page, "dekkend-aanbod"));
        Assert.Equal(["Lift", "1", "1", "2"], Row(page, "dekkend-aanbod", "Lift"));
        Assert.Equal(["Dyslexiespecialist", "1", "0 (geen)", "1"], Row(page, "dekkend-aanbod", "Dyslexiespecialist"));
        Assert.Equal(["Gedragsspecialist", "0 (geen)", "0 (geen)", "0"], Row(page, "dekkend-aanbod", "Gedragsspecialist"));

        // Trends: each year with its own framework. Taal 2025: A1 2,0 and B1 4,0; 2026: A1 3,0 and A2 2,0.
        Assert.Equal(["Domein", "2025-2026", "2026-2027"], Headers(page, "trend-domeinen"));
        Assert.Equal(["Taal en lezen", "3,0", "2,5"], Row(page, "trend-domeinen", "Taal en lezen"));
        Assert.Equal(["Gedrag", "–", "1,0"], Row(page, "trend-domeinen", "Gedrag"));
        Assert.NotNull(page.QuerySelector("[data-testid='chart-trend-domeinen-grafiek'] svg title"));

        Assert.Equal(["Taal en lezen", "Aanbod", "2", "2"], Rows(page, "gedeelde-behoeften")[0]);
        var open = Rows(page, "voltooiing").Select(r => r[0]).ToList();
        Assert.Equal(["Cbs Citroenvlinder", "Obs Zonder Scan"], open.Order().ToList());
    }

    [Fact]
    public async Task PartnershipDashboard_FilterByRegionAndBoard()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var south = await client.GetHtmlAsync($"/swv/dashboard?jaar={Year}&regio={World.South.Id}");
        Assert.Equal(["Aanbod", "Zuid", "Totaal"], Headers(south, "dekkend-aanbod"));
        Assert.Equal(["Stichting Bestuur A", "1", "2,0", "1,0", "–"], Row(south, "heatmap", "Stichting Bestuur A"));

        var boardB = await client.GetHtmlAsync($"/swv/dashboard?jaar={Year}&bestuur={World.BoardB.Id}");
        Assert.Equal(["Cbs Citroenvlinder"], Rows(boardB, "heatmap").Select(r => r[0]).ToArray());
    }

    [Fact]
    public async Task RegionConsultant_SeesOnlyTheirSchools_InEveryFigureAndExport()
    {
        // The south consultant sees A2 (region south) and B1 (their contact school), not A1.
        var client = await Factory.LoggedInClientAsync(World.SouthConsultant);
        var url = $"/swv/dashboard?jaar={Year}";
        var page = await client.GetHtmlAsync(url);
        Assert.Equal(["Stichting Bestuur A", "1", "2,0", "1,0", "–"], Row(page, "heatmap", "Stichting Bestuur A"));
        Assert.Equal("0 (geen)", Row(page, "dekkend-aanbod", "Dyslexiespecialist")[1]);
        Assert.Equal(["Taal en lezen", "4,0", "2,0"], Row(page, "trend-domeinen", "Taal en lezen"));
        Assert.DoesNotContain("Aalscholver", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Zonder Scan", page.DocumentElement.OuterHtml);
        foreach (var table in new[] { "voltooiing", "heatmap", "dekkend-aanbod", "trend-domeinen", "gedeelde-behoeften", "financien" })
        {
            var csv = await client.GetStringAsync($"{url}&export=csv&tabel={table}");
            Assert.DoesNotContain("Aalscholver", csv);
        }

        var board = await client.GetHtmlAsync($"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}");
        Assert.Equal(["Obs Boomklever"], Rows(board, "heatmap").Select(r => r[0]).ToArray());
    }

    [Fact]
    public async Task Finder_ShowsStrengthsAndOfferingOnly_NeverScores()
    {
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var page = await client.GetHtmlAsync("/vinder?domein=taal-lezen");
        Assert.Equal(["School", "Code", "Regio", "Bestuur", "Contactpersoon", "Telefoon", "Sterk in of biedt aan", "Schooljaar"], Headers(page, "scholen"));
        var rows = Rows(page, "scholen");
        // B1 counts with its latest final scan (last year, level 4); A2 (level 2) is not strong; A1 is strong in expertise.
        var b1 = rows.Single(r => r[0] == "Cbs Citroenvlinder");
        Assert.Equal("Sterk en geborgd: Taal en lezen: Expertise; Sterk en geborgd: Taal en lezen: Aanbod", b1[6]);
        Assert.Equal("2025-2026", b1[7]);
        Assert.DoesNotContain(rows, r => r[0] == "Obs Boomklever");
        Assert.Contains("consultant-zuid", b1[4]);

        var offering = Rows(await client.GetHtmlAsync($"/vinder?aanbod=lift&regio={World.South.Id}"), "scholen");
        Assert.Equal(["Obs Boomklever"], offering.Select(r => r[0]).ToArray());

        // Someone else's scores stay closed to a school user.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{World.SchoolB1.Code}/dashboard")).StatusCode);
        var export = await client.GetStringAsync("/vinder?domein=taal-lezen&export=csv&tabel=scholen");
        Assert.DoesNotContain("1,0", export);
        Assert.DoesNotContain("2,0", export);
    }

    [Fact]
    public async Task SchoolDashboard_OwnLevelsAgainstLastYear_PointsAndMatches()
    {
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var page = await client.GetHtmlAsync($"/school/{World.SchoolA1.Code}/dashboard?jaar={Year}");
        Assert.Equal("Vastgesteld", page.QuerySelector("[data-testid='scan-status']")!.TextContent.Trim());
        Assert.Equal("31 december 2026", page.QuerySelector("[data-testid='scan-deadline']")!.TextContent.Trim());
        Assert.Equal(["Taal en lezen", "4 (vorig jaar 2)", "2 (vorig jaar 2)", "3,0 (+1,0)"], Row(page, "niveaus", "Taal en lezen"));
        Assert.Equal(["Gedrag", "1 (vorig jaar –)", "– (vorig jaar –)", "1,0"], Row(page, "niveaus", "Gedrag"));
        Assert.Single(Rows(page, "ontwikkelpunten"));
        // Matchmaking: B1, same region (north), level 4 in taal-lezen/aanbod in its latest final scan.
        var match = Assert.Single(Rows(page, "leren-van-elkaar"));
        Assert.Equal("Cbs Citroenvlinder", match[2]);
        Assert.NotNull(page.QuerySelector("[data-testid='chart-domeinen'] svg"));
    }

    [Fact]
    public async Task Reminder_EmailsUsersOfSchoolsThatHaveNotSubmitted()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var response = await client.PostFormAsync($"/swv/dashboard?jaar={Year}", "/swv/dashboard/herinnering", new Dictionary<string, string> { ["jaar"] = Year });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mails = Directory.GetFiles(Factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => (m.Subject ?? "").Contains("Herinnering")).ToList();
        var recipients = mails.Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Contains(World.SchoolB1User, recipients);
        Assert.DoesNotContain(World.SchoolA1User, recipients);

        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsync("/swv/dashboard/herinnering", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
    }
}

/// <summary>On the second dashboard portal: it adds schools, which would change the figures the other tests expect.</summary>
[Collection(Portals.ChangedDashboards)]
public sealed class DashboardQueryCountTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    private readonly ITestOutputHelper _output = output;
    private const string Year = TestData.ThisYear;

    private static List<string[]> Rows(IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll($"[data-testid='table-{tableId}'] tbody tr[data-testid='row-{tableId}']")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task QueryCount_DoesNotGrowWithTheNumberOfSchools()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var school = await Factory.LoggedInClientAsync(World.SchoolA1User);
        // Every dashboard with every section (attention, agreements, verandercapaciteit, key figures, trends), grouped
        // and filtered every way.
        var pages = new (HttpClient Client, string Url)[]
        {
            (admin, $"/swv/dashboard?jaar={Year}"),
            (admin, $"/swv/dashboard?jaar={Year}&groep=regio&domein=taal-lezen"),
            (admin, $"/swv/dashboard?jaar={Year}&groep=gemeente&gemeente=ZEIST"),
            (admin, $"/swv/dashboard?jaar={Year}&regio={World.North.Id}&bestuur={World.BoardA.Id}"),
            (board, $"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}"),
            (school, "/vinder?domein=taal-lezen"),
            (school, $"/school/{World.SchoolA1.Code}/dashboard?jaar={Year}"),
        };

        var before = await CountAsync(pages);
        var scansOfBoardA = await ScansOfBoardAAsync(admin);
        await Factory.AddSchoolsAsync(30);
        var after = await CountAsync(pages);

        // Nothing changed since the first visit: one query, for the counters everything in memory follows (issue 15).
        Assert.All(before, count => Assert.Equal(1, count));
        Assert.Equal(before, after);
        Assert.Equal(scansOfBoardA + 30, await ScansOfBoardAAsync(admin));
    }

    /// <summary>
    /// A school sees the average of its board and of the partnership next to its own scores once there are enough
    /// schools to average without giving one away (here: a board of its own with three schools).
    /// </summary>
    [Fact]
    public async Task SchoolDashboard_ShowsTheBoardsAverage_OnceItHasThreeSchools()
    {
        var board = await Data.CreateBoardAsync();
        var schools = new List<TestSchool>();
        foreach (var (score, figure) in new[] { (2, 1m), (3, 5m), (4, 3m) })
        {
            schools.Add(await Data.CreateSchoolAsync(s => s.InBoard(board).InRegion(World.South)
                .WithAdoptedScan(2026, scan => scan.Agreement("1", score).Agreement("2", 4).Capacity("visie", score).KeyFigure("arrangementen", figure))));
        }

        var user = await Data.CreateUserAsync(u => u.SchoolUser(schools[0]));
        var page = await (await Factory.LoggedInClientAsync(user.Email)).GetHtmlAsync($"/school/{schools[0].Code}/dashboard?jaar={Year}");
        var row = page.QuerySelectorAll("[data-testid='table-afspraken-vergelijking'] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())
            .Single(r => r[0].StartsWith("1.", StringComparison.Ordinal));
        // Own 2; board (2+3+4)/3 = 3,0; the partnership: every final scan of the portal, so not a fixed number, but shown.
        Assert.Equal("2", row[1]);
        Assert.Equal("3,0", row[3]);
        Assert.Matches(@"^\d,\d$", row[4]);
        var whole = page.QuerySelectorAll("[data-testid='table-verandercapaciteit-vergelijking'] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())
            .Single(r => r[0] == "Alle onderdelen samen");
        Assert.Equal("3,0", whole[3]);
    }

    private static async Task<int> ScansOfBoardAAsync(HttpClient admin) =>
        int.Parse(Rows(await admin.GetHtmlAsync($"/swv/dashboard?jaar={Year}"), "heatmap").Single(r => r[0] == "Stichting Bestuur A")[1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int[]> CountAsync((HttpClient Client, string Url)[] pages)
    {
        var counts = new List<int>();
        foreach (var (client, url) in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Factory.Sql.ResetCount();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            counts.Add(Factory.Sql.Count);
            _output.WriteLine($"{url}: {Factory.Sql.Count} queries");
            foreach (var command in Factory.Sql.Texts) _output.WriteLine("  " + command.ReplaceLineEndings(" ")[..Math.Min(140, command.Length)]);
        }

        return counts.ToArray();
    }
}
