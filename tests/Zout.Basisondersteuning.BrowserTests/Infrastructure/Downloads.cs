using System.Text;
using Microsoft.Playwright;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>A file the browser downloaded after a click, with the headers it came with.</summary>
public sealed record DownloadedFile(string Url, string SuggestedFilename, string ContentType, string ContentDisposition, byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}

/// <summary>Clicking download links as a user does, and checking what arrives.</summary>
public static class Downloads
{
    /// <summary>
    /// Clicks <paramref name="link"/> and returns what arrives: a download (Content-Disposition: attachment), or the
    /// document the browser opens itself (an inline PDF opens in Chromium's viewer), with the response's headers.
    /// The page may have navigated away afterwards.
    /// </summary>
    public static async Task<DownloadedFile> FromLinkAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), "The download link has no href");
        var target = new Uri(new Uri(page.Url), href).AbsolutePath;
        var downloaded = new TaskCompletionSource<IDownload>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDownload(object? sender, IDownload d) => downloaded.TrySetResult(d);
        page.Download += OnDownload;
        try
        {
            var response = await page.RunAndWaitForResponseAsync(() => link.ClickAsync(),
                r => new Uri(r.Url).AbsolutePath == target, new() { Timeout = 60_000 });
            Assert.Equal(200, response.Status);
            var headers = await response.AllHeadersAsync();
            var disposition = headers.GetValueOrDefault("content-disposition", "");
            byte[] bytes;
            string name;
            if (disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            {
                var download = await downloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
                var failure = await download.FailureAsync();
                Assert.True(failure is null, $"The download of {download.Url} failed: {failure}");
                bytes = await File.ReadAllBytesAsync(await download.PathAsync());
                name = download.SuggestedFilename;
            }
            else
            {
                // Chromium's PDF viewer takes over the response (its body is then the viewer's page), so the file
                // itself is fetched again with the context's cookies, as a "save as" would.
                await using var again = await page.Context.APIRequest.GetAsync(response.Url);
                Assert.Equal(200, again.Status);
                bytes = await again.BodyAsync();
                name = FileName(disposition) ?? Path.GetFileName(target);
            }

            return new DownloadedFile(response.Url, name, headers.GetValueOrDefault("content-type", ""), disposition, bytes);
        }
        finally
        {
            page.Download -= OnDownload;
        }
    }

    private static string? FileName(string disposition) =>
        System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(disposition, out var parsed)
            ? (parsed.FileNameStar ?? parsed.FileName)?.Trim('"')
            : null;

    /// <summary>Downloads through <paramref name="link"/> and checks it is a PDF: the header, a sane size, the content type.</summary>
    public static async Task<DownloadedFile> PdfFromLinkAsync(IPage page, ILocator link)
    {
        var file = await FromLinkAsync(page, link);
        Assert.True(file.Bytes.Length > 5 && Encoding.ASCII.GetString(file.Bytes, 0, 5) == "%PDF-", $"{file.Url} is not a PDF ({file.Bytes.Length} bytes)");
        Assert.InRange(file.Bytes.Length, 10_000, 10_000_000);
        Assert.EndsWith(".pdf", file.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("application/pdf", file.ContentType, StringComparison.Ordinal);
        return file;
    }
}
