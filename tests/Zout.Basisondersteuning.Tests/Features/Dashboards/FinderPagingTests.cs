using System.Net;
using AngleSharp.Html.Dom;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Features.Dashboards;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>A long list of found schools comes in pages; the downloads hold every school. On the second dashboard portal: it adds schools.</summary>
[Collection(Portals.ChangedDashboards)]
public sealed class FinderPagingTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='table-scholen'] tbody tr[data-testid='row-scholen']")
            .Select(r => r.Children[0].TextContent.Trim()).ToList();

    [Fact]
    public async Task LongResultList_ComesInPagesOfFifty_AndTheDownloadHoldsAll()
    {
        await Factory.AddSchoolsAsync(60);
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);

        var first = await client.GetHtmlAsync("/vinder?aanbod=lift");
        var total = int.Parse(first.QuerySelector("[data-testid='result-count']")!.TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > ExpertiseFinder.PageSize, $"{total} schools found");
        Assert.Contains($"u ziet 1 tot en met {ExpertiseFinder.PageSize}", first.QuerySelector("[data-testid='result-count']")!.TextContent);
        var firstNames = Names(first);
        Assert.Equal(ExpertiseFinder.PageSize, firstNames.Count);
        var pager = first.QuerySelector("nav[data-testid='pager']");
        Assert.NotNull(pager);
        Assert.Equal("Pagina 1", pager.QuerySelector("[aria-current='page']")!.TextContent.Trim());
        Assert.Equal("/vinder?aanbod=lift&pagina=2", first.QuerySelector("[data-testid='pager-next']")!.GetAttribute("href"));

        var second = await client.GetHtmlAsync("/vinder?aanbod=lift&pagina=2");
        var secondNames = Names(second);
        Assert.Equal(total - ExpertiseFinder.PageSize, secondNames.Count);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.Null(second.QuerySelector("[data-testid='pager-next']"));

        // A page past the end shows the last page; the downloads hold every school, whatever the page.
        Assert.Equal(secondNames, Names(await client.GetHtmlAsync("/vinder?aanbod=lift&pagina=99")));
        var csv = await client.GetStringAsync("/vinder?aanbod=lift&pagina=2&export=csv&tabel=scholen");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(total + 1, lines.Length);
        Assert.All(firstNames.Concat(secondNames), name => Assert.Contains(name, csv));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/vinder?aanbod=lift&pagina=0")).StatusCode);
    }

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(10, 1, "1 2 3 … 10")]
    [InlineData(10, 5, "1 2 3 4 5 6 7 … 10")]
    [InlineData(10, 10, "1 … 8 9 10")]
    [InlineData(4, 2, "1 2 3 4")]
    [InlineData(10, 6, "1 … 4 5 6 7 8 9 10")]
    [InlineData(10, 7, "1 … 5 6 7 8 9 10")]
    public void Pager_LinksTheEndsAndTwoPagesEitherSide(int pages, int page, string expected)
    {
        var paging = Paging.For(page, 10, pages * 10);
        Assert.Equal(expected, string.Join(" ", paging.Links().Select(p => p?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }
}
