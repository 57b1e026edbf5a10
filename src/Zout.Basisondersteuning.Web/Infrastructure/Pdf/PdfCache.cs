using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

/// <summary>
/// Rendered PDFs kept in memory by their content: the key is a hash of everything Chromium prints (the complete
/// HTML with the data, the CSS, the header and footer texts, the paper, fit-on-one-page). A document whose data did
/// not change prints the same HTML and is served from here without a render; any change to what the document shows
/// changes the HTML and so the key: it cannot serve a stale document (ADR 061). The same document asked for by
/// several requests at once is rendered once. Who may ask for which document is decided before (the access filter):
/// the cache only answers for HTML the caller already built, so it never hands one user's document to another.
/// </summary>
public sealed class CachingPdfRenderer : IPdfRenderer, IDisposable
{
    private readonly ChromiumPdfRenderer _inner;
    private readonly MemoryCache _cache;
    private readonly TimeSpan _keepFor;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _rendering = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    public CachingPdfRenderer(ChromiumPdfRenderer inner, IOptions<PdfOptions> options)
    {
        _inner = inner;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CacheMegabytes) * 1024L * 1024L });
        _keepFor = TimeSpan.FromHours(Math.Max(0, options.Value.CacheHours));
    }

    public bool IsAvailable => _inner.IsAvailable;

    public string? UnavailableReason => _inner.UnavailableReason;

    /// <summary>Documents served from memory since start-up.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Documents rendered since start-up.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public async Task<byte[]> RenderAsync(PdfRequest request, CancellationToken cancellationToken = default)
    {
        var key = Key(request);
        if (_cache.TryGetValue(key, out byte[]? kept) && kept is not null)
        {
            Interlocked.Increment(ref _hits);
            return kept;
        }

        // One render per document, however many ask for it at once; a failed render is not kept.
        var rendering = _rendering.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(() => RenderAndKeepAsync(key, request)));
        try
        {
            return await rendering.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (rendering.Value.IsCompleted) _rendering.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, rendering));
        }
    }

    /// <summary>The PDF kept under a key of <see cref="Key"/>, or null; counted as a hit when found.</summary>
    public byte[]? Kept(string key)
    {
        if (!_cache.TryGetValue(key, out byte[]? kept) || kept is null) return null;
        Interlocked.Increment(ref _hits);
        return kept;
    }

    private async Task<byte[]> RenderAndKeepAsync(string key, PdfRequest request)
    {
        Interlocked.Increment(ref _misses);
        // Not cancelled by the first caller: others may be waiting for the same document.
        var pdf = await _inner.RenderAsync(request, CancellationToken.None);
        if (_keepFor > TimeSpan.Zero)
        {
            _cache.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length, SlidingExpiration = _keepFor });
        }

        return pdf;
    }

    /// <summary>A hash of everything that decides the bytes of the PDF (not the priority: that only decides when).</summary>
    public static string Key(PdfRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[]
                 {
                     request.Paper.ToString(), request.FitOnOnePage.ToString(CultureInfo.InvariantCulture), request.HeaderText, request.FooterText ?? "\0", request.Html,
                 })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>Starts Chromium and opens its pages in the background at start-up, so the first document does not wait for it.</summary>
public sealed class PdfWarmUp(ChromiumPdfRenderer renderer, ILogger<PdfWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!renderer.IsAvailable) return;
        try
        {
            await Task.Yield();
            var started = System.Diagnostics.Stopwatch.StartNew();
            await renderer.WarmUpAsync(stoppingToken);
            logger.LogInformation("PDF renderer warmed up in {Milliseconds} ms", started.ElapsedMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not fatal: the first document starts the browser again.
            logger.LogWarning(exception, "Warming up the PDF renderer failed");
        }
    }
}
