using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Zout.Basisondersteuning.Web.Infrastructure.Database;

/// <summary>
/// Queues this process's write transactions on a SQLite file, one at a time and in order (ADR 064). SQLite allows one
/// writer per database; a second writer that finds the lock taken waits in SQLite's busy handler, which blocks its
/// thread and sleeps in growing steps (up to 100 ms) without any order, so under many concurrent saves a save could
/// wait hundreds of milliseconds after the lock was free, and every waiting save held a thread-pool thread. A writer
/// that comes through this gate waits asynchronously and starts the moment the previous one has committed. Writers of
/// other processes (a second instance on the same file, the command line) still meet SQLite's own lock, as before.
/// On SQL Server (row locks) the gate does nothing.
/// </summary>
public static class SqliteWriteGate
{
    /// <summary>How long a writer waits for its turn before it goes ahead anyway and lets SQLite's lock decide.</summary>
    private static readonly TimeSpan MaximumWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, Gate> ByFile = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Gate> ByConnectionString = new(StringComparer.Ordinal);

    /// <summary>
    /// Set while this flow of execution holds a gate: a write transaction begun inside it (on the same connection EF
    /// refuses it; on another, SQLite's own lock decides) does not also queue behind itself.
    /// </summary>
    private static readonly AsyncLocal<Gate?> Held = new();

    /// <summary>Runs <paramref name="work"/> (which begins and commits its own transaction) when it is this writer's turn.</summary>
    public static async Task<T> RunAsync<T>(DatabaseFacade database, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite() || Held.Value is not null) return await work();

        var gate = GateOf(database.GetConnectionString()!);
        Interlocked.Increment(ref gate.Writers);
        try
        {
            var entered = await gate.Turn.WaitAsync(MaximumWait, cancellationToken);
            Held.Value = gate;
            try
            {
                return await work();
            }
            finally
            {
                Held.Value = null;
                if (entered) gate.Turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref gate.Writers);
        }
    }

    /// <summary>The writers of this process holding or waiting for their turn on this database (for tests and diagnostics).</summary>
    public static int Writers(string connectionString) => Volatile.Read(ref GateOf(connectionString).Writers);

    private static Gate GateOf(string connectionString) =>
        ByConnectionString.GetOrAdd(connectionString, cs =>
        {
            var file = new SqliteConnectionStringBuilder(cs).DataSource;
            var key = string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
                ? cs
                : Path.GetFullPath(file);
            return ByFile.GetOrAdd(key, _ => new Gate());
        });

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One gate per database file, for the life of the process.")]
    private sealed class Gate
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Writers;
    }
}
