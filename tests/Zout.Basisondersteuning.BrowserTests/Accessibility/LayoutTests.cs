using Zout.Basisondersteuning.BrowserTests.Infrastructure;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>What a person notices at first sight: the header, the content and the footer line up, and the text is sans-serif.</summary>
public sealed class LayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] FontSelectors = [".zb-header__name", "[data-testid=current-user]", ".zb-level-desc", ".zb-footer p"];

    private sealed class Box
    {
        public double Left { get; set; }
        public double Width { get; set; }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(2000)]
    public Task HeaderMainAndFooter_ShareTheContentColumn(int width) =>
        InBrowserAsync(async page =>
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/school/" + Demo.SchoolCode);
            const string ContentBox = """
                e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                       const l = parseFloat(s.paddingLeft), rr = parseFloat(s.paddingRight);
                       return { left: r.left + l, width: r.width - l - rr }; }
                """;
            var header = await page.Locator(".zb-header .zb-container").EvaluateAsync<Box>(ContentBox);
            var main = await page.Locator("main").EvaluateAsync<Box>(ContentBox);
            var footer = await page.Locator(".zb-footer .zb-container").EvaluateAsync<Box>(ContentBox);
            Assert.Equal(main.Left, header.Left, 1.0);
            Assert.Equal(main.Width, header.Width, 1.0);
            Assert.Equal(main.Left, footer.Left, 1.0);
            Assert.Equal(main.Width, footer.Width, 1.0);
        }, user: Demo.School);

    [Fact]
    public Task HeaderAndBodyText_AreSansSerif() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync(Demo.ScanPath(Demo.SchoolCode) + "/sectie/domein-basiskwaliteit");
            foreach (var selector in FontSelectors)
            {
                var family = await page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
                Assert.Contains("sans-serif", family, StringComparison.Ordinal);
            }
        }, user: Demo.School);
}
