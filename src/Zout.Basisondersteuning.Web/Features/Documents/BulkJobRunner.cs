using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;
using Zout.Basisondersteuning.Web.Infrastructure.Storage;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>
/// Makes the queued bulk downloads (<see cref="BulkJob"/>) in the background, at most
/// <see cref="MaxRunningJobs"/> at once per instance. A job is claimed by changing its status in the database
/// (only one instance wins); the ZIP is written to the data folder (bulk/), the progress to the row after every
/// school. A job whose runner stopped (no heartbeat for <see cref="StaleAfter"/>) is queued again; finished jobs
/// and their files are removed after <see cref="KeepFor"/>.
/// </summary>
public sealed class BulkJobRunner(IServiceScopeFactory scopes, StoragePaths paths, TimeProvider time, ILogger<BulkJobRunner> logger) : BackgroundService
{
    public const int MaxRunningJobs = 2;
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _running = new(MaxRunningJobs);
    private readonly Lock _lock = new();
    private readonly Dictionary<int, TaskCompletionSource> _finished = [];

    public string Folder => Path.Combine(paths.DataDirectory, "bulk");

    public string FilePath(int jobId) => Path.Combine(Folder, $"{jobId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.zip");

    /// <summary>A job was queued in this instance: look now instead of at the next poll.</summary>
    public void Wake() => _wake.Release();

    /// <summary>For tests: completes when this instance finished (or failed) the job.</summary>
    public Task FinishedAsync(int jobId)
    {
        lock (_lock)
        {
            if (!_finished.TryGetValue(jobId, out var finished)) _finished[jobId] = finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return finished.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(Folder);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CleanUpAsync(stoppingToken);
                await StartQueuedAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Bulk downloads: looking for work failed");
            }

            try
            {
                await _wake.WaitAsync(PollEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StartQueuedAsync(CancellationToken stoppingToken)
    {
        while (_running.CurrentCount > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var next = await db.BulkJobs.AsNoTracking().Where(j => j.Status == BulkJobStatus.Queued).OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(stoppingToken);
            if (next is not { } id) return;
            var now = time.GetUtcNow();
            // Claim it: only one instance changes Queued into Running.
            var claimed = await db.BulkJobs.Where(j => j.Id == id && j.Status == BulkJobStatus.Queued)
                .ExecuteUpdateAsync(j => j.SetProperty(x => x.Status, BulkJobStatus.Running).SetProperty(x => x.StartedAt, now).SetProperty(x => x.HeartbeatAt, now), stoppingToken);
            if (claimed != 1) continue;
            await _running.WaitAsync(stoppingToken);
            _ = Task.Run(() => RunAsync(id, stoppingToken), CancellationToken.None);
        }
    }

    private async Task RunAsync(int id, CancellationToken stoppingToken)
    {
        var final = FilePath(id);
        var partial = final + ".part";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var writer = scope.ServiceProvider.GetRequiredService<BulkDownload.Writer>();
            var job = await db.BulkJobs.AsNoTracking().SingleAsync(j => j.Id == id, stoppingToken);
            int files;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                files = await writer.WriteAsync(job, file, async done =>
                {
                    var now = time.GetUtcNow();
                    await db.BulkJobs.Where(j => j.Id == id).ExecuteUpdateAsync(j => j.SetProperty(x => x.Completed, done).SetProperty(x => x.HeartbeatAt, now), stoppingToken);
                }, stoppingToken);
            }

            File.Move(partial, final, overwrite: true);
            var finishedAt = time.GetUtcNow();
            var fileName = BulkDownload.Writer.FileName(job, files);
            var size = new FileInfo(final).Length;
            await db.BulkJobs.Where(j => j.Id == id).ExecuteUpdateAsync(j => j
                .SetProperty(x => x.Status, BulkJobStatus.Done)
                .SetProperty(x => x.ActiveUserId, (string?)null)
                .SetProperty(x => x.FinishedAt, finishedAt)
                .SetProperty(x => x.ExpiresAt, finishedAt + KeepFor)
                .SetProperty(x => x.FileName, fileName)
                .SetProperty(x => x.FileSize, size), CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the job stays Running and is queued again when its heartbeat is old.
            TryDelete(partial);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Bulk download {JobId} failed", id);
            TryDelete(partial);
            var message = exception is PdfUnavailableException unavailable ? unavailable.Message : "Het maken van de download is mislukt. Probeer het opnieuw.";
            await FailAsync(id, message);
        }
        finally
        {
            _running.Release();
            lock (_lock)
            {
                if (!_finished.TryGetValue(id, out var finished)) _finished[id] = finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                finished.TrySetResult();
            }

            Wake();
        }
    }

    private async Task FailAsync(int id, string message)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow();
            await db.BulkJobs.Where(j => j.Id == id).ExecuteUpdateAsync(j => j
                .SetProperty(x => x.Status, BulkJobStatus.Failed)
                .SetProperty(x => x.ActiveUserId, (string?)null)
                .SetProperty(x => x.FinishedAt, now)
                .SetProperty(x => x.ExpiresAt, now + KeepFor)
                .SetProperty(x => x.Message, message));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Bulk download {JobId}: recording the failure failed", id);
        }
    }

    /// <summary>Removes expired jobs with their files, and queues again the running jobs whose runner is gone.</summary>
    private async Task CleanUpAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var expired = await db.BulkJobs.Where(j => j.ExpiresAt != null && j.ExpiresAt < now).Select(j => j.Id).ToListAsync(stoppingToken);
        foreach (var id in expired) TryDelete(FilePath(id));
        if (expired.Count > 0) await db.BulkJobs.Where(j => expired.Contains(j.Id)).ExecuteDeleteAsync(stoppingToken);

        var stale = now - StaleAfter;
        await db.BulkJobs.Where(j => j.Status == BulkJobStatus.Running && j.HeartbeatAt < stale)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.Status, BulkJobStatus.Queued).SetProperty(x => x.Completed, 0), stoppingToken);
    }

    private void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Could not remove {Path}", path);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _wake.Dispose();
        _running.Dispose();
    }
}
