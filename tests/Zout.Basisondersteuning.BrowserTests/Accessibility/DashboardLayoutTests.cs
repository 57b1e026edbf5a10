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
