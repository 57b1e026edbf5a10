using Zout.Basisondersteuning.BrowserTests.Infrastructure;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// No sideways scrolling of the page: at 1280 and at 320 px wide, the page of every dashboard (with filters and zoomed
/// in) is no wider than the window. A wide table scrolls inside its own region, which the keyboard can reach.
/// </summary>
public sealed class DashboardLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string, string, int> Dashboards()
    {
        var pages = new (string Path, string User)[]
        {
            ($"/school/{Demo.SchoolCode}/dashboard", Demo.School),
            ($"/school/{Demo.SchoolCode}/dashboard?jaar={Demo.LastYear}", Demo.School),
            ("/dashboard", Demo.Board),
            ("/dashboard?domein=taal-lezen", Demo.Board),
            ("/swv/dashboard", Demo.Admin),
            ("/swv/dashboard?groep=regio", Demo.Admin),
            ("/swv/dashboard?groep=gemeente", Demo.Admin),
            ("/swv/dashboard?groep=gemeente&gemeente=ZEIST&domein=rekenen", Demo.Admin),
            ("/swv/dashboard?domein=taal-lezen", Demo.RegionConsultant),
            ("/vinder?domein=basiskwaliteit", Demo.School),
            ("/vinder?aanbod=lift", Demo.Admin),
        };
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 1280, 320 })
        {
            foreach (var (path, user) in pages) data.Add(path, user, width);
        }

        return data;
    }

    private sealed class Overflow
    {
        public int PageWidth { get; set; }
        public int Viewport { get; set; }
        public string[] Widest { get; set; } = [];
    }

    [Theory]
    [MemberData(nameof(Dashboards))]
    public Task Dashboard_IsNoWiderThanTheWindow(string path, string user, int width) =>
        InBrowserAsync(async page =>
        {
            await page.SetViewportSizeAsync(width, 900);
            var response = await page.GotoAsync(path);
            if (path.StartsWith("/dashboard?", StringComparison.Ordinal))
            {
                // "/dashboard" sends the board user to its own board's dashboard; the query goes on that address.
                response = await page.GotoAsync(page.Url + path[path.IndexOf('?', StringComparison.Ordinal)..]);
            }

            Assert.Equal(200, response!.Status);
            await Screenshots.SaveAsync(page, $"breedte-{width}-{user}{path}");
            // The elements that stick out on the right, for the message when it fails.
            var overflow = await page.EvaluateAsync<Overflow>("""
                () => {
                    const viewport = document.documentElement.clientWidth;
                    const outside = n => !(n.nodeType === 1 ? n.parentElement : n.parentNode)?.closest('.zb-table-wrap');
                    const elements = [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > viewport + 0.5 && outside(e))
                        .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
                    // Text can stick out of a box that fits (one long word), so the text itself is measured too.
                    const texts = [];
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                        if (!n.textContent.trim() || !outside(n)) continue;
                        const range = document.createRange();
                        range.selectNodeContents(n);
                        const right = range.getBoundingClientRect().right;
                        if (right > viewport + 0.5) texts.push(`"${n.textContent.trim().slice(0, 40)}" in ${n.parentElement.tagName.toLowerCase()}.${[...n.parentElement.classList].join('.')} right=${Math.round(right)}`);
                    }
                    const widest = [...elements, ...texts].slice(0, 10);
                    return { pageWidth: document.documentElement.scrollWidth, viewport, widest };
                }
                """);
            Assert.True(overflow.PageWidth <= overflow.Viewport,
                $"{path} at {width} px is {overflow.PageWidth} px wide (window {overflow.Viewport}): {string.Join("; ", overflow.Widest)}");

            // Every wide table scrolls inside a region the keyboard can reach, named by the table's caption.
            foreach (var wrap in await page.Locator(".zb-table-wrap").AllAsync())
            {
                var scrolls = await wrap.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1");
                if (!scrolls) continue;
                Assert.Equal("0", await wrap.GetAttributeAsync("tabindex"));
                Assert.Equal("region", await wrap.GetAttributeAsync("role"));
                Assert.NotNull(await wrap.GetAttributeAsync("aria-labelledby"));
            }
        }, user: user);

    /// <summary>
    /// The report tables' rows and cells carry no class of their own (a quarter of the partnership dashboard's bytes):
    /// the table is an <c>utrecht-table--html-table</c>, which the design system styles by element. A body cell and a
    /// row header of the heatmap look exactly like those of the same table with the design system's
    /// <c>utrecht-table__cell</c> and <c>utrecht-table__header-cell</c> on them, and a heat cell keeps its colour.
    /// </summary>
    [Fact]
    public Task ReportTableCells_LookLikeTheDesignSystemsCells() =>
        InBrowserAsync(async page =>
        {
            Assert.Equal(200, (await page.GotoAsync("/swv/dashboard"))!.Status);
            var differences = await page.EvaluateAsync<string[]>("""
                () => {
                    const table = document.querySelector("[data-testid='table-heatmap']");
                    const cell = table.querySelector('tbody td.zb-heat');
                    const header = table.querySelector('tbody th[scope=row]');
                    const reference = document.createElement('table');
                    // The markup of before: the same table, with the design system's class on every row and cell.
                    reference.className = table.className;
                    reference.innerHTML = '<tbody class="utrecht-table__body"><tr class="utrecht-table__row">' +
                        '<th scope="row" class="utrecht-table__header-cell">x</th><td class="utrecht-table__cell">x</td><td class="utrecht-table__cell">x</td></tr></tbody>';
                    table.parentElement.appendChild(reference);
                    const properties = ['padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'vertical-align', 'text-align', 'line-height',
                        'border-bottom-style', 'border-bottom-width', 'border-bottom-color', 'font-weight', 'color'];
                    const differences = [];
                    const compare = (actual, expected, name) => {
                        const a = getComputedStyle(actual), e = getComputedStyle(expected);
                        for (const p of properties) if (a.getPropertyValue(p) !== e.getPropertyValue(p)) differences.push(`${name} ${p}: ${a.getPropertyValue(p)} instead of ${e.getPropertyValue(p)}`);
                    };
                    // A middle cell: the design system pads an html-table's first and last cells by the row's own padding.
                    compare(cell.matches(':last-child') ? cell.previousElementSibling : cell, reference.querySelector('td'), 'td');
                    compare(header, reference.querySelector('th'), 'th');
                    reference.remove();
                    if (['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(cell).backgroundColor)) differences.push('a heat cell has no colour');
                    return differences;
                }
                """);
            Assert.Empty(differences);
        }, user: Demo.Admin);

    /// <summary>The hand-out link on each dashboard gives a PDF of that dashboard with its filters.</summary>
    [Fact]
    public Task PartnershipDashboard_OffersItsHandoutWithTheFilters() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/swv/dashboard?groep=regio");
            var href = await page.GetByTestId("handout-pdf").GetAttributeAsync("href");
            Assert.StartsWith("/swv/dashboard.pdf?", href, StringComparison.Ordinal);
            Assert.Contains("groep=regio", href, StringComparison.Ordinal);
            var response = await page.Context.APIRequest.GetAsync(href!);
            Assert.Equal(200, response.Status);
            Assert.Equal("application/pdf", response.Headers["content-type"]);
        }, user: Demo.Admin);
}
