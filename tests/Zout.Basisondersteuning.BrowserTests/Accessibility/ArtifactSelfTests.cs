using Zout.Basisondersteuning.BrowserTests.Infrastructure;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>A failing browser test leaves a screenshot, the page's HTML and the portal's log for whoever reads the CI results.</summary>
public sealed class ArtifactSelfTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task FailingTest_LeavesAScreenshotTheHtmlAndThePortalLog_AndItsOwnError()
    {
        const string Probe = "ArtifactProbe";
        var png = Path.Combine(TestPaths.Artifacts, $"{nameof(ArtifactSelfTests)}.{Probe}.png");
        var html = Path.ChangeExtension(png, ".html");
        var log = Path.ChangeExtension(png, ".portal.log");
        Directory.CreateDirectory(TestPaths.Artifacts);
        File.Delete(png);
        File.Delete(html);
        File.Delete(log);

        var error = await Record.ExceptionAsync(() => InBrowserAsync(async page =>
        {
            await page.GotoAsync("/scholen");
            throw new InvalidOperationException("deliberate");
        }, testName: Probe));

        Assert.Equal("deliberate", Assert.IsType<InvalidOperationException>(error).Message);
        Assert.True(new FileInfo(png).Length > 1000, "no screenshot at " + png);
        Assert.Contains("data-testid=\"public-schools\"", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        Assert.Contains($"Now listening on: {Portal.BaseUrl.ToString().TrimEnd('/')}", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
        // Only real failures stay in the results.
        File.Delete(png);
        File.Delete(html);
        File.Delete(log);
    }
}
