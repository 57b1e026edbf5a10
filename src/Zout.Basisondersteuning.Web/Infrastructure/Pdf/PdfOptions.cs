namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

/// <summary>Settings of the PDF renderer (section "Pdf").</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Path of the Chromium executable; empty finds it in the usual places.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>How many documents are rendered at the same time; more wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>
    /// How many of <see cref="MaxConcurrentRenders"/> background work (bulk downloads) may use at once: the rest stays
    /// free for single documents.
    /// </summary>
    public int MaxBackgroundRenders { get; set; } = 1;

    /// <summary>How much memory rendered documents may take in the cache (by content, ADR 061).</summary>
    public int CacheMegabytes { get; set; } = 256;

    /// <summary>How long a rendered document stays in the cache after it was last asked for; 0 keeps none.</summary>
    public int CacheHours { get; set; } = 24;

    /// <summary>Start Chromium and open its pages in the background at start-up (not in tests).</summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>
    /// The Linux <c>nice</c> value Chromium's processes run at (0-19; 0 leaves them as they are). Above 0, the portal's
    /// pages and saves get the processor first when PDFs are rendered at the same time (bulk downloads); on an idle
    /// server a render is as fast as before. ADR 068.
    /// </summary>
    public int BrowserNiceness { get; set; } = 5;

    /// <summary>Time limit per document, including the wait for a free slot.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Where Chromium is looked for when <see cref="ChromiumPath"/> is empty, best first. Chromium's old headless shell
    /// (Debian's <c>chromium-headless-shell</c>, the one Playwright itself uses for headless work) prints a 5-page SOP in
    /// a third of the time of the whole browser, whose <c>--headless</c> is the full browser without a window since
    /// Chromium 132 (ADR 072). The whole browser still works.
    /// </summary>
    public static readonly string[] KnownPaths =
        ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The Chromium to use, or null when there is none.</summary>
    public string? ResolveChromiumPath() => ResolveChromiumPath(ChromiumPath, KnownPaths, File.Exists);

    internal static string? ResolveChromiumPath(string? configured, IEnumerable<string> candidates, Func<string, bool> exists)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return exists(configured) ? configured : null;
        return candidates.FirstOrDefault(exists);
    }

    /// <summary>Whether a path is Chromium's headless shell rather than the whole browser.</summary>
    public static bool IsHeadlessShell(string path) => Path.GetFileName(path).Contains("headless-shell", StringComparison.Ordinal);
}
