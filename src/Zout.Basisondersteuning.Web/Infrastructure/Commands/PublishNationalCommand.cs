using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Infrastructure.Commands;

/// <summary>
/// <c>publish-sops [--schools 100]</c>: publishes the SOP and Ouderrapport of the latest adopted scan of the first N
/// schools (by location code) that have one, through the real publisher (Chromium), so the load test's anonymous users
/// open public SOPs as parents do (scripts/load.sh; generate-national itself writes no PDFs). Prints the codes whose
/// SOP is published, comma-separated, on the last line.
/// </summary>
public static class PublishNationalCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var schools = int.Parse(Option(args, "--schools") ?? "100", CultureInfo.InvariantCulture);
        if (!services.GetRequiredService<IPdfRenderer>().IsAvailable)
        {
            await output.WriteLineAsync("Geen Chromium gevonden: installeer het (scripts/setup.sh) of zet Pdf:ChromiumPath.");
            return 1;
        }

        List<(int ScanId, string Code)> latest;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var adopted = await db.Scans.AsNoTracking()
                .Where(s => s.Status == ScanStatus.Adopted)
                .Select(s => new { s.Id, s.School.LocationCode, s.SchoolYear.StartYear })
                .ToListAsync();
            latest = adopted.GroupBy(s => s.LocationCode, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Take(schools)
                .Select(g => (g.MaxBy(s => s.StartYear)!.Id, g.Key))
                .ToList();
        }

        var watch = Stopwatch.StartNew();
        var published = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(latest, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (scan, token) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISupportProfilePublisher>().PublishAsync(scan.ScanId, "publish-sops", token);
            if (result.Succeeded) published.Add(scan.Code);
            else await Console.Error.WriteLineAsync($"{scan.Code}: {result.Message}");
        });
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"SOP's van {published.Count} van {latest.Count} scholen gepubliceerd in {watch.Elapsed.TotalSeconds:0.0} s"));
        await output.WriteLineAsync(string.Join(',', published.Order(StringComparer.Ordinal)));
        return published.Count == latest.Count ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
