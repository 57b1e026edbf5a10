using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Features.Dashboards;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// The per-group tables of the partnership dashboard (heatmap, agreements, verandercapaciteit, key figures) come in
/// pages of <see cref="PartnershipDashboard.GroupPageSize"/> rows, one page for all of them, with a pager that keeps the
/// filters; the downloads hold every row. On the second dashboard portal: it adds schools.
/// </summary>
[Collection(Portals.ChangedDashboards)]
public sealed class GroupTablePagingTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    private const string Year = TestData.ThisYear;
    private static readonly string[] GroupTables = ["heatmap", "afspraken-per-school", "verandercapaciteit-per-school", "kengetallen-per-school"];

    private static List<string> Names(IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll($"[data-testid='table-{tableId}'] tbody tr[data-testid='row-{tableId}']")
            .Select(r => r.Children[0].TextContent.Trim()).ToList();

    [Fact]
    public async Task PerGroupTables_ComeInPages_WithTheFiltersKept_AndTheDownloadHoldsEveryRow()
    {
        await Factory.AddSchoolsAsync(30);
        var client = await Factory.LoggedInClientAsync(World.Admin);
        // Filtered to board A (grouped per board): the rows are board A's schools, more than one page of them.
        var url = $"/swv/dashboard?jaar={Year}&bestuur={World.BoardA.Id}&domein=taal-lezen";

        var first = await client.GetHtmlAsync(url);
        var firstNames = Names(first, "heatmap");
        Assert.Equal(PartnershipDashboard.GroupPageSize, firstNames.Count);
        foreach (var table in GroupTables)
        {
            // Every per-group table shows the same schools on the same page, and says where the rest is.
            Assert.Equal(firstNames, Names(first, table));
            var line = first.QuerySelector($"[data-testid='paged-{table}']")!.TextContent;
            Assert.StartsWith($"Scholen 1 tot en met {PartnershipDashboard.GroupPageSize} van ", line);
            Assert.Contains("De download (Excel of CSV) en de PDF bevatten alle scholen.", line);
        }

        var total = int.Parse(Regex.Match(first.QuerySelector("[data-testid='paged-heatmap']")!.TextContent, @"van (\d+)\.").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(total > PartnershipDashboard.GroupPageSize, $"{total} schools");
        var next = first.QuerySelector("[data-testid='paged-heatmap'] ~ nav[data-testid='pager'] [data-testid='pager-next']")!.GetAttribute("href")!;
        Assert.Equal($"{PartnershipDashboard.Url}?jaar={Year}&bestuur={World.BoardA.Id}&domein=taal-lezen&groeppagina=2#tabel-heatmap", next);
        // Each pager has a name of its own (several on one page).
        var labels = first.QuerySelectorAll("nav[data-testid='pager']").Select(n => n.GetAttribute("aria-label")).ToList();
        Assert.Equal(GroupTables.Length, labels.Count);
        Assert.Equal(labels.Count, labels.Distinct().Count());

        var second = await client.GetHtmlAsync(next.Split('#')[0]);
        var secondNames = Names(second, "heatmap");
        Assert.NotEmpty(secondNames);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.Equal(secondNames, Names(second, "afspraken-per-school"));
        // The filters are kept: still board A's schools only, still the aspects of taal en lezen.
        Assert.Equal("selected", second.QuerySelector($"#bestuur option[value='{World.BoardA.Id}']")!.GetAttribute("selected"));
        Assert.Contains("Aspecten van Taal en lezen", second.QuerySelector("#domeinen-heading")!.TextContent);

        // The downloads hold every row, whatever the page.
        foreach (var table in GroupTables)
        {
            var csv = await client.GetStringAsync($"{url}&groeppagina=2&export=csv&tabel={table}");
            var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(total + 1, lines.Length);
            Assert.All(firstNames.Concat(secondNames), name => Assert.Contains(name, csv));
        }

        // A page past the end shows the last page; the other tables (completion, distribution) are not paged.
        Assert.NotEmpty(Names(await client.GetHtmlAsync($"{url}&groeppagina=99"), "heatmap"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}&groeppagina=0")).StatusCode);
    }

    [Fact]
    public async Task CompletionList_ComesInPages_AndTheDownloadHoldsEverySchool()
    {
        for (var i = 0; i < PartnershipDashboard.CompletionPageSize + 1; i++) await Data.CreateSchoolAsync(s => s.InBoard(World.BoardB).InRegion(World.South));
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var url = $"/swv/dashboard?jaar={Year}&bestuur={World.BoardB.Id}";

        var first = await client.GetHtmlAsync(url);
        var firstNames = Names(first, "voltooiing");
        Assert.Equal(PartnershipDashboard.CompletionPageSize, firstNames.Count);
        Assert.StartsWith($"Scholen 1 tot en met {PartnershipDashboard.CompletionPageSize} van ", first.QuerySelector("[data-testid='paged-voltooiing']")!.TextContent);
        var next = first.QuerySelector("[data-testid='paged-voltooiing'] ~ nav[data-testid='pager'] [data-testid='pager-next']")!.GetAttribute("href")!;
        Assert.Equal($"{PartnershipDashboard.Url}?jaar={Year}&bestuur={World.BoardB.Id}&voltooiingpagina=2#tabel-voltooiing", next);

        var secondNames = Names(await client.GetHtmlAsync(next.Split('#')[0]), "voltooiing");
        Assert.NotEmpty(secondNames);
        Assert.Empty(firstNames.Intersect(secondNames));
        var csv = await client.GetStringAsync($"{url}&voltooiingpagina=2&export=csv&tabel=voltooiing");
        Assert.All(firstNames.Concat(secondNames), name => Assert.Contains(name, csv));
    }

    [Fact]
    public async Task FewGroups_HaveNoPager()
    {
        var page = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync($"/swv/dashboard?jaar={Year}&groep=regio");
        Assert.Null(page.QuerySelector("[data-testid='paged-heatmap']"));
        Assert.Null(page.QuerySelector("[data-testid='section-domeinen'] nav[data-testid='pager']"));
        Assert.Null(page.QuerySelector("[data-testid='section-afspraken'] nav[data-testid='pager']"));
        Assert.NotEmpty(Names(page, "heatmap"));
    }
}
