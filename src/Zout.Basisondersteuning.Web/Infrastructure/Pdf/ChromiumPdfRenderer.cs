using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

/// <summary>
/// Prints HTML to tagged PDFs with headless Chromium through Playwright. One browser, started on first use
/// and kept warm; a few pages at once, each reused; the pages cannot reach any network (every request is
/// aborted: documents carry their CSS inline); a browser that crashed or disconnected is started again;
/// a time limit per document. Playwright never downloads a browser: it drives the Chromium of the system.
/// </summary>
public sealed class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable
{
    public const string UnavailableMessage =
        "PDF's kunnen op deze server nu niet worden gemaakt: de PDF-maker (de browser Chromium) is niet geïnstalleerd. " +
        "U kunt het document wel als webpagina bekijken en afdrukken. Vraag de beheerder van de server om Chromium te installeren.";

    public const string FailedMessage =
        "Het maken van de PDF is mislukt. Probeer het over een paar minuten opnieuw. Blijft het misgaan? Neem dan contact op met de beheerder.";

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions", "--mute-audio",
        // Besides aborting every request (below): no name resolves and every connection, also to loopback,
        // goes to a proxy that does not exist, so not even a speculative pre-connection leaves the browser.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        "--disable-features=NetworkPrediction",
    ];

    private readonly PdfOptions _options;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly string? _chromiumPath;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _backgroundSlots;
    private long _renders;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private readonly ConcurrentBag<IPage> _idlePages = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private bool _disposed;

    public ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _chromiumPath = _options.ResolveChromiumPath();
        var slots = Math.Max(1, _options.MaxConcurrentRenders);
        _slots = new SemaphoreSlim(slots);
        // Background work (bulk downloads) never takes every slot: single documents always find one free.
        var background = Math.Clamp(_options.MaxBackgroundRenders, 1, Math.Max(1, slots - 1));
        _backgroundSlots = new SemaphoreSlim(background);
    }

    public bool IsAvailable => _chromiumPath is not null;

    public string? UnavailableReason => IsAvailable ? null : UnavailableMessage;

    /// <summary>The last time starting or using the browser failed, for the health check.</summary>
    public string? LastFailure { get; private set; }

    public string? ChromiumPath => _chromiumPath;

    /// <summary>How many documents this renderer printed since start-up.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>For tests: the running browser, to close it as if it crashed.</summary>
    internal IBrowser? Browser => _browser;

    public async Task<byte[]> RenderAsync(PdfRequest request, CancellationToken cancellationToken = default)
    {
        if (!IsAvailable) throw new PdfUnavailableException(UnavailableMessage);
        ObjectDisposedException.ThrowIf(_disposed, this);

        if (request.Background)
        {
            // A background render waits as long as it must for its share, and only then for a slot (with the time limit).
            await _backgroundSlots.WaitAsync(cancellationToken);
        }

        try
        {
            return await RenderInSlotAsync(request, cancellationToken);
        }
        finally
        {
            if (request.Background) _backgroundSlots.Release();
        }
    }

    private async Task<byte[]> RenderInSlotAsync(PdfRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await _slots.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfUnavailableException("Het is nu erg druk met het maken van PDF's. Probeer het over een minuut opnieuw.");
        }

        Interlocked.Increment(ref _renders);
        try
        {
            // A browser that died between two documents is noticed on the first attempt; the second starts a new one.
            for (var attempt = 1; ; attempt++)
            {
                IPage? page = null;
                try
                {
                    page = await TakePageAsync(timeout.Token);
                    var pdf = await PrintAsync(page, request).WaitAsync(timeout.Token);
                    _idlePages.Add(page);
                    LastFailure = null;
                    return pdf;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await CloseQuietlyAsync(page);
                    _logger.LogWarning("PDF rendering took longer than {Seconds} s and was stopped", _options.TimeoutSeconds);
                    LastFailure = "time limit exceeded";
                    throw new PdfUnavailableException(FailedMessage);
                }
                catch (PlaywrightException exception) when (attempt == 1)
                {
                    _logger.LogWarning(exception, "PDF rendering failed; restarting the browser and trying once more");
                    await CloseQuietlyAsync(page);
                    await ResetBrowserAsync();
                }
                catch (Exception exception) when (exception is PlaywrightException or InvalidOperationException)
                {
                    await CloseQuietlyAsync(page);
                    await ResetBrowserAsync();
                    LastFailure = exception.Message;
                    _logger.LogError(exception, "PDF rendering failed");
                    throw new PdfUnavailableException(FailedMessage, exception);
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Starts the browser and prints a small page on as many pages as there are slots, so the first documents after
    /// start-up find a running browser with its fonts loaded and a page ready.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        if (!IsAvailable) return;
        var request = new PdfRequest("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\" /><title>Start</title></head><body><h1>Start</h1><p>Schoolondersteuningsprofiel</p></body></html>", "Start");
        var warm = Enumerable.Range(0, Math.Max(1, _options.MaxConcurrentRenders)).Select(async _ =>
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                var page = await TakePageAsync(cancellationToken);
                await PrintAsync(page, request);
                _idlePages.Add(page);
            }
            finally
            {
                _slots.Release();
            }
        });
        await Task.WhenAll(warm);
    }

    private static async Task<byte[]> PrintAsync(IPage page, PdfRequest request)
    {
        await page.SetContentAsync(request.Html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        var header = WebUtility.HtmlEncode(request.HeaderText);
        var footer = WebUtility.HtmlEncode(request.FooterText ?? "");
        // Header and footer are printed by Chromium itself, outside the page: they need their own inline style.
        const string style = "font-family:'DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#333;width:100%;margin:0 12mm;display:flex;justify-content:space-between;font-variant-ligatures:none;";
        byte[] pdf = [];
        foreach (var scale in request.FitOnOnePage ? FitScales : [1f])
        {
            pdf = await PrintOnceAsync(page, request, header, footer, style, scale);
            if (CountPages(pdf) <= 1) break;
        }

        return pdf;
    }

    private static readonly float[] FitScales = [1f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f];

    /// <summary>Chromium writes every page object uncompressed, so counting them in the bytes is enough.</summary>
    internal static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

    private static Task<byte[]> PrintOnceAsync(IPage page, PdfRequest request, string header, string footer, string style, float scale)
    {
        return page.PdfAsync(new PagePdfOptions
        {
            Scale = scale,
            Format = request.Paper == PaperSize.A3 ? "A3" : "A4",
            Landscape = request.Paper == PaperSize.A4Landscape,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = $"<div style=\"{style}\"><span>{header}</span><span class=\"title\"></span></div>",
            FooterTemplate = $"<div style=\"{style}\"><span>{footer}</span><span>pagina <span class=\"pageNumber\"></span> van <span class=\"totalPages\"></span></span></div>",
            Margin = new Margin { Top = "20mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
            Tagged = true,
            Outline = true,
        });
    }

    private async Task<IPage> TakePageAsync(CancellationToken cancellationToken)
    {
        while (_idlePages.TryTake(out var idle))
        {
            if (!idle.IsClosed && _browser is { IsConnected: true }) return idle;
        }

        var context = await EnsureContextAsync(cancellationToken);
        return await context.NewPageAsync();
    }

    private async Task<IBrowserContext> EnsureContextAsync(CancellationToken cancellationToken)
    {
        if (_context is not null && _browser is { IsConnected: true }) return _context;
        await _launchLock.WaitAsync(cancellationToken);
        try
        {
            if (_context is not null && _browser is { IsConnected: true }) return _context;
            await ResetBrowserCoreAsync();
            _logger.LogInformation("Starting Chromium for PDF rendering: {Path}", _chromiumPath);
            if (!PdfOptions.IsHeadlessShell(_chromiumPath!))
            {
                _logger.LogWarning("PDFs are printed by the whole Chromium browser, which takes about three times as long as its headless shell: install Debian's chromium-headless-shell (ADR 072)");
            }

            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _chromiumPath,
                Headless = true,
                Args = LaunchArgs,
                Timeout = _options.TimeoutSeconds * 1000,
            });
            browser.Disconnected += (_, _) => _logger.LogWarning("The PDF browser disconnected; it starts again on the next document");
            var lowered = BrowserPriority.Lower(_options.BrowserNiceness);
            if (lowered > 0) _logger.LogInformation("Chromium runs at nice {Niceness} ({Threads} threads)", _options.BrowserNiceness, lowered);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                JavaScriptEnabled = false,
                Offline = true,
                Locale = "nl-NL",
                AcceptDownloads = false,
            });
            // Nothing leaves the page: documents carry their CSS inline and need nothing else.
            await context.RouteAsync("**/*", route => route.AbortAsync("blockedbyclient"));
            _browser = browser;
            _context = context;
            return context;
        }
        catch (PlaywrightException exception)
        {
            LastFailure = exception.Message;
            throw;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task ResetBrowserAsync()
    {
        await _launchLock.WaitAsync();
        try
        {
            await ResetBrowserCoreAsync();
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task ResetBrowserCoreAsync()
    {
        while (_idlePages.TryTake(out _))
        {
        }

        var browser = _browser;
        _browser = null;
        _context = null;
        if (browser is null) return;
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone.
        }
    }

    private static async Task CloseQuietlyAsync(IPage? page)
    {
        if (page is null) return;
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is gone with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await ResetBrowserAsync();
        _playwright?.Dispose();
        _slots.Dispose();
        _backgroundSlots.Dispose();
        _launchLock.Dispose();
    }
}
