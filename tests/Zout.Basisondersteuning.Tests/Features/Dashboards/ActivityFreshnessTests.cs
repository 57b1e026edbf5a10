using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Team;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// The dashboards keep what they read of Team Basisondersteuning's work (development points, needs, phases) and the
/// HTML of their tables in memory (issue 12): a new development point still shows at once, and a kept table still
/// carries the address it was asked with. On the second dashboard portal: it adds schools and development points.
/// </summary>
[Collection(Portals.ChangedDashboards)]
public sealed class ActivityFreshnessTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    private const string Year = TestData.ThisYear;

    private Task<long> ActivityAsync() =>
        Factory.WithDbAsync(db => db.ChangeCounters.Where(c => c.Name == ChangeCounter.Activity).Select(c => c.Value).SingleOrDefaultAsync());

    private static int SchoolsWithNeed(IHtmlDocument page, string tableId, params string[] theme) =>
        page.Rows(tableId).Where(r => r.Take(theme.Length).SequenceEqual(theme)).Select(r => int.Parse(r[theme.Length], System.Globalization.CultureInfo.InvariantCulture)).SingleOrDefault();

    [Fact]
    public async Task ANewDevelopmentPoint_ShowsOnTheSchoolBoardAndPartnershipDashboardsAtOnce()
    {
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).InRegion(World.North).WithStaff());
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var partnershipUrl = $"/swv/dashboard?jaar={Year}";
        var boardUrl = $"/bestuur/{World.BoardA.Id}/dashboard?jaar={Year}";

        // Asked twice, so what they read is kept in memory before the change.
        await admin.GetHtmlAsync(partnershipUrl);
        var before = await admin.GetHtmlAsync(partnershipUrl);
        await board.GetHtmlAsync(boardUrl);
        Assert.DoesNotContain((await board.GetHtmlAsync(boardUrl)).Rows("ontwikkelpunten"), r => r[0] == school.Name);
        var sharedBefore = SchoolsWithNeed(before, "gedeelde-behoeften", "Gedrag", "Expertise");
        var needsBefore = SchoolsWithNeed(before, "behoeften", "Gedrag – Expertise");
        var counter = await ActivityAsync();

        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var own = $"/school/{school.Code}/dashboard?jaar={Year}";
        await ib.GetHtmlAsync(own);
        Assert.Empty((await ib.GetHtmlAsync(own)).Rows("ontwikkelpunten"));
        var form = await ib.GetHtmlAsync($"/school/{school.Code}/ontwikkelpunten/nieuw?jaar={Year}&domein=gedrag&aspect=expertise");
        var response = await ib.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.Title"] = "Gedragsspecialist inzetten",
            ["Input.Deadline"] = "2027-03-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await ActivityAsync() > counter, "Saving a development point raises the activity counter.");

        var after = await admin.GetHtmlAsync(partnershipUrl);
        Assert.Equal(sharedBefore + 1, SchoolsWithNeed(after, "gedeelde-behoeften", "Gedrag", "Expertise"));
        Assert.Equal(needsBefore + 1, SchoolsWithNeed(after, "behoeften", "Gedrag – Expertise"));
        var row = Assert.Single((await board.GetHtmlAsync(boardUrl)).Rows("ontwikkelpunten"), r => r[0] == school.Name);
        Assert.Equal("Gedragsspecialist inzetten", row[3]);
        Assert.Equal("Gedragsspecialist inzetten", Assert.Single((await ib.GetHtmlAsync(own)).Rows("ontwikkelpunten"))[2]);
    }

    [Fact]
    public async Task AKeptTable_CarriesTheAddressItWasAskedWith()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var url = $"/swv/dashboard?jaar={Year}";
        string Download(IHtmlDocument page) => page.QuerySelector("[data-testid='download-csv-heatmap']")!.GetAttribute("href")!;
        string Table(IHtmlDocument page) => page.QuerySelector("[data-testid='report-heatmap']")!.OuterHtml;

        var first = await admin.GetHtmlAsync(url);
        var again = await admin.GetHtmlAsync(url);
        Assert.Equal(Table(first), Table(again));
        Assert.Equal($"/swv/dashboard?jaar={Year}&export=csv&tabel=heatmap", Download(again));

        // The same figures (the completion list's page is no part of them), asked with another address: its own links.
        var other = await admin.GetHtmlAsync($"{url}&voltooiingpagina=1");
        Assert.Equal($"/swv/dashboard?jaar={Year}&voltooiingpagina=1&export=csv&tabel=heatmap", Download(other));
        Assert.Equal($"/swv/dashboard?jaar={Year}&export=csv&tabel=heatmap", Download(await admin.GetHtmlAsync(url)));
    }
}
