using System.Net;
using AngleSharp.Html.Dom;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// Agreements, verandercapaciteit, key figures, the groupings and "Wat vraagt aandacht" on the known figures of
/// <see cref="DashboardPortal"/>, each checked against values computed by hand (see the comments).
/// This school year's figures count A1 (adopted) and A2 (submitted); B1's concept and "Zonder Scan" count nowhere.
/// </summary>
[Collection(Portals.Dashboards)]
public sealed class DashboardFigureTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    private const string Year = TestData.ThisYear;
    private const string Agreement1 = "1. Ons team werkt planmatig en cyclisch.";
    private const string Agreement2 = "2. De school heeft een protocol dyslexie.";
    private const string KeyFigure = "Aantal aangevraagde arrangementen";

    private static List<string[]> Rows(IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll($"[data-testid='table-{tableId}'] tbody tr[data-testid='row-{tableId}']")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static string[] Row(IHtmlDocument page, string tableId, string header) => Rows(page, tableId).Single(r => r[0] == header);

    private static string[] Headers(IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll($"[data-testid='table-{tableId}'] thead th").Select(c => c.TextContent.Trim()).ToArray();

    private static string[] Rules(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='attention-item']").Select(i => i.GetAttribute("data-rule")!).ToArray();

    [Fact]
    public async Task PartnershipDashboard_AgreementsPerLevel_PerBoard_AndPerYear()
    {
        var page = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync($"/swv/dashboard?jaar={Year}");

        // Agreement 1: A1 scores 1, A2 scores 2. Agreement 2: A1 3, A2 4. B1's concept (4) does not count.
        Assert.Equal(["Afspraak", "1 niet aanwezig", "2 in ontwikkeling", "3 op orde", "4 sterk en geborgd", "Scholen", "Gemiddeld"], Headers(page, "afspraken-verdeling"));
        Assert.Equal([Agreement1, "1 (50%)", "1 (50%)", "0 (0%)", "0 (0%)", "2", "1,5"], Row(page, "afspraken-verdeling", Agreement1));
        Assert.Equal([Agreement2, "0 (0%)", "0 (0%)", "1 (50%)", "1 (50%)", "2", "3,5"], Row(page, "afspraken-verdeling", Agreement2));
        // The stacked bar of agreement 1 has a part for level 1 and for level 2, each with its count.
        Assert.NotNull(page.QuerySelector("[data-testid='chart-afspraken-verdeling-grafiek']"));

        // Per board: A1's own average (1+3)/2 = 2, A2's (2+4)/2 = 3, together 2,5; last year A1 alone (2+3)/2 = 2,5.
        Assert.Equal(["Bestuur", "Scans", "Afspraak 1", "Afspraak 2", "Gemiddeld"], Headers(page, "afspraken-per-groep"));
        Assert.Equal(["Stichting Bestuur A", "2", "1,5", "3,5", "2,5 (0,0)"], Row(page, "afspraken-per-groep", "Stichting Bestuur A"));
        Assert.Equal(["Stichting Bestuur B", "0", "–", "–", "–"], Row(page, "afspraken-per-groep", "Stichting Bestuur B"));

        // Trend: last year A1 (2, 3) and B1 (4, 3): agreement 1 (2+4)/2 = 3, agreement 2 3, the whole (2,5+3,5)/2 = 3.
        Assert.Equal(["Afspraak", "2025-2026", "2026-2027"], Headers(page, "afspraken-trend"));
        Assert.Equal([Agreement1, "3,0", "1,5"], Row(page, "afspraken-trend", Agreement1));
        Assert.Equal([Agreement2, "3,0", "3,5"], Row(page, "afspraken-trend", Agreement2));
        Assert.Equal(["Alle onderdelen samen", "3,0", "2,5"], Row(page, "afspraken-trend", "Alle onderdelen samen"));
        Assert.Equal(3, page.QuerySelectorAll("[data-testid='chart-afspraken-trend-grafiek'] svg title").Length);
    }

    [Fact]
    public async Task PartnershipDashboard_ChangeCapacityPerStatement_AndAsAWhole()
    {
        var page = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync($"/swv/dashboard?jaar={Year}");
        const string Vision = "We hebben een gedeelde visie.";
        const string Leadership = "Er is onderwijskundig leiderschap.";

        // Visie: A1 3, A2 2. Leiderschap: A1 3 only (A2 left it empty).
        Assert.Equal([Vision, "0 (0%)", "1 (50%)", "1 (50%)", "0 (0%)", "2", "2,5"], Row(page, "verandercapaciteit-verdeling", Vision));
        Assert.Equal([Leadership, "0 (0%)", "0 (0%)", "1 (100%)", "0 (0%)", "1", "3,0"], Row(page, "verandercapaciteit-verdeling", Leadership));
        // As a whole: A1 (3+3)/2 = 3, A2 2 (its one statement): 2,5; last year A1 (2+2)/2 = 2: +0,5.
        Assert.Equal(["Stichting Bestuur A", "2", "2,5", "3,0", "2,5 (+0,5)"], Row(page, "verandercapaciteit-per-groep", "Stichting Bestuur A"));
        // Last year: A1 2 and 2, B1 4 and 4.
        Assert.Equal([Vision, "3,0", "2,5"], Row(page, "verandercapaciteit-trend", Vision));
        Assert.Equal(["Alle onderdelen samen", "3,0", "2,5"], Row(page, "verandercapaciteit-trend", "Alle onderdelen samen"));
    }

    [Fact]
    public async Task KeyFigures_LeftEmpty_AreNotFilledIn_NeverZero()
    {
        var page = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync($"/swv/dashboard?jaar={Year}");

        // A1 6, A2 left it empty: the total is 6, filled in by 1 of 2, and the average per school 6 (not 3).
        // Last year: A1 4 and B1 2.
        Assert.Equal(["Kengetal", "Totaal", "Ingevuld door", "Gemiddeld per school", "Totaal 2025-2026"], Headers(page, "kengetallen"));
        Assert.Equal([KeyFigure, "6", "1 van 2 scholen", "6", "6 (2 scholen)"], Row(page, "kengetallen", KeyFigure));
        Assert.Equal(["Stichting Bestuur A", "2", "6 (1 van 2 scholen)"], Row(page, "kengetallen-per-groep", "Stichting Bestuur A"));
        Assert.Equal(["Stichting Bestuur B", "0", "–"], Row(page, "kengetallen-per-groep", "Stichting Bestuur B"));
        Assert.Equal([KeyFigure, "6 (2 scholen)", "6 (1 school)"], Row(page, "kengetallen-trend", KeyFigure));

        // Per school on the board's dashboard: A2's empty figure reads 'niet ingevuld', the school without a scan '–'.
        var board = await (await Factory.LoggedInClientAsync(World.BoardAUser)).GetHtmlAsync($"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}");
        Assert.Equal(["Obs Aalscholver", "1", "6"], Row(board, "kengetallen-per-school", "Obs Aalscholver"));
        Assert.Equal(["Obs Boomklever", "1", "niet ingevuld"], Row(board, "kengetallen-per-school", "Obs Boomklever"));
        Assert.Equal(["Obs Zonder Scan", "0", "–"], Row(board, "kengetallen-per-school", "Obs Zonder Scan"));

        // The school's own key figures per year.
        var school = await (await Factory.LoggedInClientAsync(World.SchoolA1User)).GetHtmlAsync($"/school/{World.SchoolA1.Code}/dashboard?jaar={Year}");
        Assert.Equal([KeyFigure, "4", "6"], Row(school, "kengetallen-school", KeyFigure));
    }

    [Fact]
    public async Task PartnershipDashboard_GroupsByRegion_ShowsRegionsByDomains()
    {
        var page = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync($"/swv/dashboard?jaar={Year}&groep=regio");
        Assert.Equal(["Regio", "Scans", "Taal en lezen", "Rekenen", "Gedrag"], Headers(page, "heatmap"));
        // North: A1 only (B1 is a concept); last year north had A1 (2,0) and B1 (4,0) in taal en lezen: 3,0, and A1 3,0 in rekenen.
        Assert.Equal(["Noord", "1", "3,0 (0,0)", "3,0 (0,0)", "1,0"], Row(page, "heatmap", "Noord"));
        Assert.Equal(["Zuid", "1", "2,0", "1,0", "–"], Row(page, "heatmap", "Zuid"));
        Assert.Equal(["Regio", "Scans", "Afspraak 1", "Afspraak 2", "Gemiddeld"], Headers(page, "afspraken-per-groep"));
        Assert.Equal(["Zuid", "1", "2,0", "4,0", "3,0"], Row(page, "afspraken-per-groep", "Zuid"));
        Assert.Equal("selected", page.QuerySelector("#groep option[value='regio']")!.GetAttribute("selected"));
        // A region links to the dashboard filtered by it.
        Assert.Contains($"regio={World.North.Id}", page.QuerySelector("[data-testid='table-heatmap'] tbody th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PartnershipDashboard_GroupsAndFiltersByMunicipality()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var grouped = await client.GetHtmlAsync($"/swv/dashboard?jaar={Year}&groep=gemeente");
        Assert.Equal(["Utrechtse Heuvelrug", "Wijk bij Duurstede", "Zeist"], Rows(grouped, "heatmap").Select(r => r[0]).ToArray());
        Assert.Equal(["Zeist", "1", "3,0 (0,0)", "3,0 (0,0)", "1,0"], Row(grouped, "heatmap", "Zeist"));
        // The dekkend aanbod per municipality: nobody in Wijk bij Duurstede has a lift.
        Assert.Equal(["Aanbod", "Utrechtse Heuvelrug", "Wijk bij Duurstede", "Zeist", "Totaal"], Headers(grouped, "dekkend-aanbod"));
        Assert.Equal(["Lift", "1", "0 (geen)", "1", "2"], Row(grouped, "dekkend-aanbod", "Lift"));
        Assert.Equal(["UTRECHTSE HEUVELRUG", "WIJK BIJ DUURSTEDE", "ZEIST"],
            grouped.QuerySelectorAll("#gemeente option").Select(o => o.GetAttribute("value") ?? "").Where(v => v.Length > 0).ToArray());

        // Filtered to Zeist: A1 and B1; grouped by municipality, the rows are its schools.
        var zeist = await client.GetHtmlAsync($"/swv/dashboard?jaar={Year}&groep=gemeente&gemeente=ZEIST");
        Assert.Equal(["Cbs Citroenvlinder", "Obs Aalscholver"], Rows(zeist, "heatmap").Select(r => r[0]).Order().ToArray());
        Assert.Equal("2 scholen: 1 vastgesteld, 0 ingediend, 1 nog niet.", zeist.QuerySelector("[data-testid='status-summary']")!.TextContent.Trim());
        // Grouped by board, board A in Zeist is A1 alone: taal en lezen 2,0 last year.
        Assert.Equal(["Stichting Bestuur A", "1", "3,0 (+1,0)", "3,0 (0,0)", "1,0"],
            Row(await client.GetHtmlAsync($"/swv/dashboard?jaar={Year}&gemeente=ZEIST"), "heatmap", "Stichting Bestuur A"));
    }

    [Fact]
    public async Task SchoolDashboard_OwnScoresNextToBoardAndPartnership_WithoutGivingAwayAnotherSchool()
    {
        var page = await (await Factory.LoggedInClientAsync(World.SchoolA1User)).GetHtmlAsync($"/school/{World.SchoolA1.Code}/dashboard?jaar={Year}");
        Assert.Equal(["Afspraak", "Uw school", "Uw school 2025-2026", "Gemiddeld bestuur", "Gemiddeld samenwerkingsverband"], Headers(page, "afspraken-vergelijking"));
        // Board A and the partnership have two final scans this year: an average of two would give A2's score away.
        Assert.Equal([Agreement1, "1", "2", "–", "–"], Row(page, "afspraken-vergelijking", Agreement1));
        Assert.Equal(["Alle onderdelen samen", "2,0", "2,5", "–", "–"], Row(page, "afspraken-vergelijking", "Alle onderdelen samen"));
        Assert.Equal(["We hebben een gedeelde visie.", "3", "2", "–", "–"], Row(page, "verandercapaciteit-vergelijking", "We hebben een gedeelde visie."));
        Assert.DoesNotContain("Boomklever", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Attention_OnTheSchoolDashboard_ListsWhatItsOwnDataShows()
    {
        var page = await (await Factory.LoggedInClientAsync(World.SchoolA1User)).GetHtmlAsync($"/school/{World.SchoolA1.Code}/dashboard?jaar={Year}");
        // Arrangementen 4 -> 6; Gedrag, expertise at 1 without a development point (taal-lezen/aanbod at 2 has one);
        // agreement 1 scored 1. Nothing dropped, nothing overdue, the scan window closes in 38 days.
        Assert.Equal(["key-figure-rise", "low-levels", "low-agreements"], Rules(page));
        var items = page.QuerySelectorAll("[data-testid='attention-item']").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal("Aantal aangevraagde arrangementen: van 4 in 2025-2026 naar 6 (+2, +50%).", items[0]);
        Assert.Equal("Gedrag, expertise staat op niveau 1 of 2 en heeft nog geen ontwikkelpunt.", items[1]);
        Assert.Equal("Uw school scoort afspraak 1 met 1 of 2.", items[2]);
        Assert.Equal($"/school/{World.SchoolA1.Code}/ontwikkelpunten?jaar={Year}", page.QuerySelectorAll("[data-testid='attention-item'] a")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Attention_OnTheBoardAndPartnershipDashboards_CountsFinalScansOnly()
    {
        // Only A1 has the key figure in both years (4 -> 6); B1's concept (9) does not count. Too few schools for the rest.
        var board = await (await Factory.LoggedInClientAsync(World.BoardAUser)).GetHtmlAsync($"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}");
        Assert.Equal(["key-figure-rise"], Rules(board));
        Assert.Equal("Aantal aangevraagde arrangementen: van 4 in 2025-2026 naar 6 (+2, +50%) bij de enige school die het beide jaren invulde.",
            board.QuerySelector("[data-testid='attention-item']")!.TextContent.Trim());
        var partnership = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync($"/swv/dashboard?jaar={Year}");
        Assert.Equal(["key-figure-rise"], Rules(partnership));
        Assert.Contains("#kengetallen", partnership.QuerySelector("[data-testid='attention-item'] a")!.GetAttribute("href"));

        // Last year nothing rose, and its scan window is long closed: nothing needs attention.
        var lastYear = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync($"/swv/dashboard?jaar={TestData.LastYear}");
        Assert.Empty(Rules(lastYear));
        Assert.NotNull(lastYear.QuerySelector("[data-testid='attention-none']"));
    }

    [Fact]
    public async Task NewTables_AndTheirDownloads_StayInTheUsersScope()
    {
        string[] boardTables = ["afspraken-verdeling", "afspraken-per-school", "afspraken-trend", "verandercapaciteit-verdeling", "verandercapaciteit-per-school",
            "verandercapaciteit-trend", "kengetallen", "kengetallen-per-school", "kengetallen-trend", "verdeling-niveaus", "trend-domeinen"];
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var boardUrl = $"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}";
        var boardPage = await board.GetHtmlAsync(boardUrl);
        foreach (var table in boardTables)
        {
            Assert.NotNull(boardPage.QuerySelector($"[data-testid='table-{table}']"));
            var csv = await board.GetStringAsync($"{boardUrl}&export=csv&tabel={table}");
            Assert.DoesNotContain("Citroenvlinder", csv);
            Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"{boardUrl}&export=xlsx&tabel={table}")).StatusCode);
        }

        // Board B's figures are not in board A's: agreement 1 last year is A1's 2 alone, not (2+4)/2.
        Assert.Equal([Agreement1, "2,0", "1,5"], Row(boardPage, "afspraken-trend", Agreement1));
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/bestuur/{World.BoardB.Id}/dashboard?jaar={Year}&export=csv&tabel=kengetallen")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/swv/dashboard?jaar={Year}&export=csv&tabel=afspraken-per-groep")).StatusCode);

        // The south consultant sees A2 and B1, not A1: the figures are A2's.
        string[] partnershipTables = ["afspraken-verdeling", "afspraken-per-groep", "afspraken-trend", "verandercapaciteit-verdeling", "verandercapaciteit-per-groep",
            "verandercapaciteit-trend", "kengetallen", "kengetallen-per-groep", "kengetallen-trend", "verdeling-niveaus"];
        var consultant = await Factory.LoggedInClientAsync(World.SouthConsultant);
        var url = $"/swv/dashboard?jaar={Year}&groep=gemeente";
        var page = await consultant.GetHtmlAsync(url);
        foreach (var table in partnershipTables)
        {
            var csv = await consultant.GetStringAsync($"{url}&export=csv&tabel={table}");
            Assert.DoesNotContain("Aalscholver", csv);
        }

        Assert.Equal([Agreement1, "0 (0%)", "1 (100%)", "0 (0%)", "0 (0%)", "1", "2,0"], Row(page, "afspraken-verdeling", Agreement1));
        // This year only A2, which left the key figure empty; last year only B1 (its contact school), with 2.
        Assert.Equal([KeyFigure, "niet ingevuld", "0 van 1 school", "–", "2 (1 school)"], Row(page, "kengetallen", KeyFigure));

        // A school user's own comparison: averages only, and no other school's data in its downloads.
        var school = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var schoolUrl = $"/school/{World.SchoolA1.Code}/dashboard?jaar={Year}";
        foreach (var table in new[] { "afspraken-vergelijking", "verandercapaciteit-vergelijking", "kengetallen-school" })
        {
            var csv = await school.GetStringAsync($"{schoolUrl}&export=csv&tabel={table}");
            Assert.DoesNotContain("Boomklever", csv);
            Assert.DoesNotContain("Citroenvlinder", csv);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"/school/{World.SchoolB1.Code}/dashboard?jaar={Year}&export=csv&tabel=afspraken-vergelijking")).StatusCode);
    }
}
