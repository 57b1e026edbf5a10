using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Tests.Infrastructure.Pdf;

/// <summary>The renderer on its own, with the system's Chromium: offline pages, a browser that comes back.</summary>
public sealed class ChromiumPdfRendererTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly ChromiumPdfRenderer _renderer = new(Options.Create(new PdfOptions { TimeoutSeconds = 20 }), NullLogger<ChromiumPdfRenderer>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _renderer.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => _renderer.DisposeAsync();

    private static string Page(string body) =>
        $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Proef</title></head><body><h1>Kop één</h1><h2>Kop twee</h2>{body}</body></html>";

    [Fact]
    public async Task Render_CannotReachTheNetwork()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var html = Page($"<img src=\"http://127.0.0.1:{port}/pixel.png\" alt=\"\"><link rel=\"stylesheet\" href=\"http://127.0.0.1:{port}/x.css\">" +
                        $"<iframe src=\"http://127.0.0.1:{port}/frame\" title=\"x\"></iframe><p>Tekst</p>");
        var pdf = await _renderer.RenderAsync(new PdfRequest(html, "Testschool"));

        var facts = Pdfs.Read(pdf);
        Assert.Contains("Tekst", facts.Text);
        Assert.Contains("Testschool", facts.Text);
        Assert.Contains("pagina 1 van 1", facts.Text);
        Assert.Equal(["Kop één", "Kop twee"], facts.Bookmarks.Take(2));
        Assert.True(facts.IsTagged);
        Assert.True(facts.HasStructTree);
        // The page is printed after its load event, which waits for every image, style sheet and frame: any
        // connection the page made is in the listener's queue by now (the kernel accepts it without us).
        Assert.False(listener.Pending(), "The page opened a connection to the network.");
    }

    [Fact]
    public async Task Render_AfterTheBrowserDied_StartsItAgain()
    {
        await _renderer.RenderAsync(new PdfRequest(Page("<p>Eerste</p>"), "Testschool"));
        Assert.NotNull(_renderer.Browser);
        await _renderer.Browser!.CloseAsync();

        var pdf = await _renderer.RenderAsync(new PdfRequest(Page("<p>Tweede</p>"), "Testschool"));
        Assert.Contains("Tweede", Pdfs.Read(pdf).Text);
        Assert.True(_renderer.Browser is { IsConnected: true });
    }

    [Fact]
    public async Task WarmUp_StartsTheBrowser_BeforeTheFirstDocument()
    {
        Assert.Null(_renderer.Browser);
        await _renderer.WarmUpAsync();
        Assert.True(_renderer.Browser is { IsConnected: true });
        Assert.Equal(0, _renderer.Renders);
    }

    /// <summary>Bulk downloads render in the background share (one of two slots): a single document still finds a slot.</summary>
    [Fact]
    public async Task BackgroundWork_LeavesASlot_ForSingleDocuments()
    {
        await using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { TimeoutSeconds = 60, MaxConcurrentRenders = 2, MaxBackgroundRenders = 1 }), NullLogger<ChromiumPdfRenderer>.Instance);
        await renderer.WarmUpAsync();
        var heavy = Page(string.Concat(Enumerable.Range(0, 4000).Select(i => $"<p>Regel {i} van een lang document met veel tekst.</p>")));
        var background = Enumerable.Range(0, 4).Select(_ => renderer.RenderAsync(new PdfRequest(heavy, "Bulk", Background: true))).ToList();

        var single = await renderer.RenderAsync(new PdfRequest(Page("<p>Eén document</p>"), "Testschool"));

        Assert.Contains("Eén document", Pdfs.Read(single).Text);
        // The four background documents take their turns in one slot: most are still waiting or rendering.
        Assert.True(background.Count(t => t.IsCompleted) <= 2, $"{background.Count(t => t.IsCompleted)} of 4 background documents were done first.");
        await Task.WhenAll(background);
    }

    [Fact]
    public async Task Poster_IsA3()
    {
        var pdf = await _renderer.RenderAsync(new PdfRequest(Page("<p>Poster</p>"), "Testschool", PaperSize.A3));
        var facts = Pdfs.Read(pdf);
        Assert.InRange(facts.FirstPageWidth, 838, 845);
        Assert.InRange(facts.FirstPageHeight, 1188, 1194);
    }

    [Fact]
    public void ChromiumPath_PrefersTheHeadlessShell_ThenTheWholeBrowser()
    {
        string[] both = ["/usr/bin/chromium", "/usr/bin/chromium-headless-shell"];
        Assert.Equal("/usr/bin/chromium-headless-shell", PdfOptions.ResolveChromiumPath(null, PdfOptions.KnownPaths, both.Contains));
        Assert.Equal("/usr/bin/chromium", PdfOptions.ResolveChromiumPath(null, PdfOptions.KnownPaths, "/usr/bin/chromium".Equals));
        Assert.Null(PdfOptions.ResolveChromiumPath(null, PdfOptions.KnownPaths, _ => false));
        // A configured path wins, and is not replaced by another when it is missing.
        Assert.Equal("/usr/bin/chromium", PdfOptions.ResolveChromiumPath("/usr/bin/chromium", PdfOptions.KnownPaths, both.Contains));
        Assert.Null(PdfOptions.ResolveChromiumPath("/opt/chrome", PdfOptions.KnownPaths, both.Contains));
        Assert.True(PdfOptions.IsHeadlessShell("/usr/bin/chromium-headless-shell"));
        Assert.False(PdfOptions.IsHeadlessShell("/usr/bin/chromium"));
    }

    [Fact]
    public async Task Render_WithTheWholeBrowser_IsTaggedWithBookmarksToo()
    {
        // The default is the headless shell (set-up installs it); a server with only the whole browser still gets the same PDFs.
        await using var whole = new ChromiumPdfRenderer(Options.Create(new PdfOptions { ChromiumPath = "/usr/bin/chromium", TimeoutSeconds = 20 }), NullLogger<ChromiumPdfRenderer>.Instance);
        Assert.False(PdfOptions.IsHeadlessShell(whole.ChromiumPath!));
        var facts = Pdfs.Read(await whole.RenderAsync(new PdfRequest(Page("<p>Tekst</p>"), "Testschool")));
        Assert.Contains("pagina 1 van 1", facts.Text);
        Assert.Equal(["Kop één", "Kop twee"], facts.Bookmarks.Take(2));
        Assert.True(facts.IsTagged);
        Assert.True(facts.HasStructTree);
    }

    [Fact]
    public void TheDefaultRenderer_UsesTheHeadlessShell()
    {
        Assert.Equal("/usr/bin/chromium-headless-shell", _renderer.ChromiumPath);
    }

    [Fact]
    public async Task WithoutChromium_SaysSoInDutch()
    {
        await using var missing = new ChromiumPdfRenderer(Options.Create(new PdfOptions { ChromiumPath = "/nonexistent/chromium" }), NullLogger<ChromiumPdfRenderer>.Instance);
        Assert.False(missing.IsAvailable);
        var exception = await Assert.ThrowsAsync<PdfUnavailableException>(() => missing.RenderAsync(new PdfRequest(Page(""), "x")));
        Assert.Contains("Chromium", exception.Message);
    }
}
