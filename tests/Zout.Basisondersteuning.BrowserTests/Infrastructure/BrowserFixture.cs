using Microsoft.Playwright;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>
/// One Chromium (Debian's, never a downloaded one) and one portal for the whole run. Journeys that move a scan
/// through its workflow use <see cref="WorkflowPortalAsync"/>, a second portal of their own, so the pages the
/// other tests visit keep the demo data's states (12AB00 a concept, 14EF00 not started).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private readonly SemaphoreSlim _workflowLock = new(1, 1);
    private PortalServer? _workflowPortal;
    private IPlaywright? _playwright;

    public PortalServer Portal { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var portal = PortalServer.StartAsync();
        // Playwright's driver must never fetch browsers of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestPaths.Chromium,
            Headless = true,
            // The browser only visits the local portal; the sandbox does not work as root.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Portal = await portal;
    }

    private readonly Dictionary<(Uri, string), string> _states = [];

    /// <summary>The cookies of a logged-in demo user on a portal: logs in through the form once, then reuses them.</summary>
    public async Task<string> LoggedInStateAsync(PortalServer portal, string email)
    {
        if (_states.TryGetValue((portal.BaseUrl, email), out var state)) return state;
        await using var context = await Browser.NewContextAsync(new() { BaseURL = portal.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await BrowserTest.LogInAsync(page, email);
        state = await context.StorageStateAsync();
        _states[(portal.BaseUrl, email)] = state;
        return state;
    }

    public async Task<PortalServer> WorkflowPortalAsync()
    {
        await _workflowLock.WaitAsync();
        try
        {
            return _workflowPortal ??= await PortalServer.StartAsync();
        }
        finally
        {
            _workflowLock.Release();
        }
    }

    public void Dispose() => _workflowLock.Dispose();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Portal is not null) await Portal.DisposeAsync();
        if (_workflowPortal is not null) await _workflowPortal.DisposeAsync();
        _workflowLock.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
