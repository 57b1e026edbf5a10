using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Web.Features.Documents;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>A bulk download as a user gets it: asked for, made in the background, fetched from its page.</summary>
public static class BulkDownloads
{
    /// <summary>Asks for a bulk download, waits for the background job (its signal, not a timer) and downloads the ZIP from its page.</summary>
    public static async Task<ZipArchive> BulkZipAsync(this PortalFactory factory, HttpClient client, IEnumerable<KeyValuePair<string, string>> fields) =>
        await factory.FetchBulkZipAsync(client, await client.StartBulkAsync(fields));

    /// <summary>Asks for a bulk download; the answer is the job's page (<c>/documenten/bulk/{id}</c>).</summary>
    public static async Task<string> StartBulkAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostAsync("/documenten/bulk", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var jobPage = response.Location()!;
        Assert.Matches(@"^/documenten/bulk/\d+$", jobPage);
        return jobPage;
    }

    /// <summary>The job's id, from its page.</summary>
    public static int BulkJobId(string jobPage) => int.Parse(jobPage.Split('/')[^1], CultureInfo.InvariantCulture);

    /// <summary>Waits for the job (at most <paramref name="wait"/>, default without limit), checks its page says done and downloads its ZIP.</summary>
    public static async Task<ZipArchive> FetchBulkZipAsync(this PortalFactory factory, HttpClient client, string jobPage, TimeSpan? wait = null)
    {
        var finished = factory.Services.GetRequiredService<BulkJobRunner>().FinishedAsync(BulkJobId(jobPage));
        await (wait is { } limit ? finished.WaitAsync(limit) : finished);

        var page = await client.GetHtmlAsync(jobPage);
        Assert.Equal("Done", page.QuerySelector("[data-testid='bulk-job']")?.GetAttribute("data-status"));
        var zipLink = page.QuerySelector("[data-testid='bulk-zip']")!.GetAttribute("href")!;
        var zip = await client.GetAsync(zipLink);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        return new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()));
    }
}
