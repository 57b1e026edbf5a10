using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Documents;

namespace Zout.Basisondersteuning.Web.Infrastructure.Commands;

/// <summary>
/// <c>benchmark-pdf [--renders N] [--downloads N]</c>: prints the median time to render an SOP (data, Razor
/// and PDF, with a warm browser) and the time the running server needs to serve a published SOP.
/// A measurement to run by hand (scripts/benchmark-pdf.sh), not a test. Needs an adopted scan (demo data).
/// </summary>
public static class PdfBenchmarkCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        var renders = Option(args, "--renders", 20);
        var downloads = Option(args, "--downloads", 200);
        await app.StartAsync();
        try
        {
            int scanId;
            int schoolId;
            string yearName;
            string code;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var scan = await db.Scans.AsNoTracking().Where(s => s.Status == ScanStatus.Adopted)
                    .OrderByDescending(s => s.SchoolYear.StartYear).ThenBy(s => s.School.LocationCode)
                    .Select(s => new { s.Id, s.SchoolId, Year = s.SchoolYear.Name, s.School.LocationCode })
                    .FirstOrDefaultAsync();
                if (scan is null)
                {
                    await output.WriteLineAsync("Geen vastgestelde scan gevonden: start met demodata (Development, Demo:Seed=true).");
                    return 1;
                }

                (scanId, schoolId, yearName, code) = (scan.Id, scan.SchoolId, scan.Year, scan.LocationCode);
            }

            // Renders: the whole path of a draft download, with the browser started by the first (warm-up) render.
            var times = new List<double>();
            var pages = 0;
            for (var i = 0; i <= renders; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var loader = scope.ServiceProvider.GetRequiredService<DocumentDataLoader>();
                var renderer = scope.ServiceProvider.GetRequiredService<DocumentRenderer>();
                var watch = Stopwatch.StartNew();
                var data = await loader.LoadAsync(schoolId, yearName, CancellationToken.None);
                var rendered = await renderer.RenderAsync(DocumentCatalog.SupportProfile, data!, "Benchmark", data!.School.Name, isDraft: false);
                var pdf = await renderer.PdfAsync(rendered, DocumentCatalog.SupportProfile.Paper, isDraft: false, CancellationToken.None);
                watch.Stop();
                if (i == 0)
                {
                    await output.WriteLineAsync($"Eerste SOP (start van Chromium): {watch.Elapsed.TotalMilliseconds:0} ms, {pdf.Length / 1024} kB");
                    continue;
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
                pages = CountPages(pdf);
            }

            await output.WriteLineAsync($"SOP renderen ({renders}x, warme browser, {pages} pagina's): mediaan {Median(times):0} ms, p90 {Percentile(times, 0.9):0} ms, min {times.Min():0} ms, max {times.Max():0} ms");

            // Downloads: publish once, then fetch the stable link over HTTP from the running server.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<ISupportProfilePublisher>().PublishAsync(scanId, "benchmark", CancellationToken.None);
                if (!result.Succeeded)
                {
                    await output.WriteLineAsync($"Publiceren mislukt: {result.Message}");
                    return 1;
                }
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var url = $"/sop/{code}.pdf";
            var downloadTimes = new List<double>();
            long size = 0;
            for (var i = 0; i <= downloads; i++)
            {
                var watch = Stopwatch.StartNew();
                var bytes = await client.GetByteArrayAsync(url);
                watch.Stop();
                size = bytes.Length;
                if (i > 0) downloadTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            await output.WriteLineAsync($"Gepubliceerd SOP downloaden ({downloads}x GET {url}, {size / 1024} kB, via HTTP op {address}): mediaan {Median(downloadTimes):0.00} ms, p90 {Percentile(downloadTimes, 0.9):0.00} ms");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static int CountPages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]");
    }
}
