using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Data.Seeding;

/// <summary>
/// Demo data: publishes the SOP of every adopted demo scan (both years), so /sop/{code}.pdf works right
/// after the first start. Without Chromium it skips with a log line; the portal works without them.
/// Runs in the background (some 70 PDFs take half a minute), so the portal starts at once.
/// </summary>
public static class DemoDocuments
{
    public static void StartPublishing(IServiceProvider rootServices)
    {
        var configuration = rootServices.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Demo:PublishDocuments", true)) return;
        var logger = rootServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDocuments));
        rootServices.GetRequiredService<DemoPublishing>().Running = Task.Run(async () =>
        {
            try
            {
                await PublishAsync(rootServices);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Demo: publishing the demo SOPs stopped");
            }
        });
    }

    public static async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDocuments));
        if (!services.GetRequiredService<IPdfRenderer>().IsAvailable)
        {
            logger.LogWarning("Demo: no Chromium found, so the demo SOPs are not published (set Pdf:ChromiumPath or install chromium)");
            return;
        }

        List<IGrouping<int, int>> bySchool;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var scans = await db.Scans.AsNoTracking()
                .Where(s => s.Status == ScanStatus.Adopted)
                .OrderBy(s => s.SchoolYear.StartYear)
                .Select(s => new { s.Id, s.SchoolId })
                .ToListAsync(cancellationToken);
            bySchool = scans.GroupBy(s => s.SchoolId, s => s.Id).ToList();
        }

        var watch = Stopwatch.StartNew();
        var failed = 0;
        // Schools in parallel (as many as the renderer takes at once), each school's years in order.
        await Parallel.ForEachAsync(bySchool, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (school, token) =>
        {
            foreach (var scanId in school)
            {
                await using var scope = services.CreateAsyncScope();
                var publisher = scope.ServiceProvider.GetRequiredService<ISupportProfilePublisher>();
                var result = await publisher.PublishAsync(scanId, "directeur@demo.example", token);
                if (!result.Succeeded) Interlocked.Increment(ref failed);
            }
        });
        logger.LogInformation("Demo: published the SOPs of {Count} adopted scans in {Ms} ms ({Failed} failed)",
            bySchool.Sum(g => g.Count()), watch.ElapsedMilliseconds, failed);
    }
}

/// <summary>
/// The demo's background publishing, while it runs: a public SOP link asked for in the first half minute after
/// the first start waits for it instead of answering "not published yet" (the links work right after starting).
/// </summary>
public sealed class DemoPublishing
{
    public Task? Running { get; set; }

    public bool IsRunning => Running is { IsCompleted: false };

    /// <summary>Waits (at most <paramref name="limit"/>) for the publishing to finish, if it is running.</summary>
    public Task WaitAsync(TimeSpan limit, CancellationToken cancellationToken) =>
        Running is { IsCompleted: false } running ? Task.WhenAny(running, Task.Delay(limit, cancellationToken)) : Task.CompletedTask;
}
