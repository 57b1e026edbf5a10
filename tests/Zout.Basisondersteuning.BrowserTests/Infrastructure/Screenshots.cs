using Microsoft.Playwright;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>
/// Full-page screenshots of the pages the tests visit, for a person to look at the layout, only when
/// BROWSER_TESTS_SCREENSHOTS=1 (into &lt;artifacts&gt;/pages).
/// </summary>
public static class Screenshots
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("BROWSER_TESTS_SCREENSHOTS") == "1";

    public static async Task SaveAsync(IPage page, string name)
    {
        if (!Enabled) return;
        var folder = Path.Combine(TestPaths.Artifacts, "pages");
        Directory.CreateDirectory(folder);
        var file = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, file + ".png"), FullPage = true });
    }
}
