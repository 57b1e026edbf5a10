using Microsoft.Data.Sqlite;
using Zout.Basisondersteuning.Web.Infrastructure.Storage;

namespace Zout.Basisondersteuning.Web.Infrastructure.Database;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background (ADR 064). By default SQLite does this
/// inside the commit that makes the log pass 1,000 pages: that save then also writes and flushes hundreds of pages to
/// the database file while it holds the write lock, and every save queued behind it waits. The portal's connections
/// switch that off (<c>wal_autocheckpoint = 0</c>, <see cref="Data.Interceptors.SqlitePragmaInterceptor"/>) and this
/// service checkpoints every <see cref="DatabaseOptions.SqliteCheckpointMilliseconds"/> in PASSIVE mode, which never
/// waits for or blocks readers and writers. <c>journal_size_limit</c> keeps the log file from staying large.
/// </summary>
public sealed class SqliteCheckpointer(DatabaseOptions options, StoragePaths paths, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>The last checkpoint: pages in the log and pages copied into the database file (-1 before the first).</summary>
    public (int LogPages, int CheckpointedPages) Last { get; private set; } = (-1, -1);

    /// <summary>How many checkpoints ran.</summary>
    public int Runs { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.InBackgroundCheckpoints) return;
        var connectionString = DatabaseSetup.SqliteConnectionString(options, paths);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.SqliteCheckpointMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(connectionString, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                Last = (reader.GetInt32(1), reader.GetInt32(2));
            }

            Runs++;
        }
        catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException)
        {
            // The database is away (an unmounted volume) or not there yet (before the first migration): the requests
            // report that; the next tick tries again.
            logger.LogDebug(exception, "SQLite checkpoint skipped");
        }
    }
}
