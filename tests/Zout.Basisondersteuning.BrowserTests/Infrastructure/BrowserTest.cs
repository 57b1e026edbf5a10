using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh browser context (own cookies) per test, and on failure a screenshot,
/// the page's HTML and the portal's log in <see cref="TestPaths.Artifacts"/> named after the test.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public abstract class BrowserTest(BrowserFixture fixture)
{
    public const string DemoPassword = "Demo-wachtwoord-2026";

    protected BrowserFixture Fixture { get; } = fixture;

    protected PortalServer Portal => Fixture.Portal;

    /// <summary>Runs a test body in a new context on <paramref name="portal"/> (default: the shared portal).</summary>
    /// <param name="user">A demo account to be logged in as (its log-in is done once per portal and reused).</param>
    protected async Task InBrowserAsync(Func<IPage, Task> body, string? user = null, PortalServer? portal = null, bool bypassCsp = false, [CallerMemberName] string testName = "")
    {
        portal ??= Portal;
        var state = user is null ? null : await Fixture.LoggedInStateAsync(portal, user);
        await using var context = await Fixture.Browser.NewContextAsync(new()
        {
            StorageState = state,
            BaseURL = portal.BaseUrl.ToString(),
            Locale = "nl-NL",
            ViewportSize = new() { Width = 1280, Height = 900 },
            // Only for injecting axe-core: the portal's CSP forbids inline scripts, which is what we test elsewhere.
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
        }
        catch
        {
            await SaveArtifactsAsync(page, portal, $"{GetType().Name}.{testName}");
            throw;
        }
    }

    private static async Task SaveArtifactsAsync(IPage page, PortalServer portal, string name)
    {
        Directory.CreateDirectory(TestPaths.Artifacts);
        var file = Path.Combine(TestPaths.Artifacts, string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')));
        // The portal's own log (its console, kept in memory), newest lines last.
        await File.WriteAllTextAsync(file + ".portal.log", portal.Output);
        try
        {
            await page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true, Timeout = 10_000 });
            await File.WriteAllTextAsync(file + ".html", await page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page may be gone; the test's own error matters more.
        }
    }

    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByTestId("current-user").WaitForAsync();
    }
}
