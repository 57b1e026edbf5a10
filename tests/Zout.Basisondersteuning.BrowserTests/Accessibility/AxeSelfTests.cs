using Zout.Basisondersteuning.BrowserTests.Infrastructure;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>The gate itself: axe really runs and reports, so a clean page means something.</summary>
public sealed class AxeSelfTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Axe_ReportsViolations_OnABrokenPage() =>
        InBrowserAsync(async page =>
        {
            await page.SetContentAsync("""
                <!DOCTYPE html><html><head><title>x</title></head><body>
                <main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">
                <p style="color:#aaa;background:#fff">Te licht</p></main></body></html>
                """);
            var violations = await Axe.ViolationsAsync(page);
            Assert.Contains(violations, v => v.StartsWith("image-alt", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("label", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("color-contrast", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("html-has-lang", StringComparison.Ordinal));
        });
}
