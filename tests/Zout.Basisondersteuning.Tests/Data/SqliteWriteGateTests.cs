using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Interceptors;

namespace Zout.Basisondersteuning.Tests.Data;

/// <summary>
/// This process's SQLite writers take turns in order at the write lock, and a turn is never lost (ADR 068). Real
/// database files, real transactions; every writer on its own thread, as requests are.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zb-gate-{Guid.NewGuid():N}.db");

    public SqliteWriteGateTests()
    {
        using var db = Context(new SqliteWriteGate(TimeSpan.FromSeconds(5)), mode: "ReadWriteCreate");
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL; CREATE TABLE Writes (Writer INTEGER NOT NULL);");
    }

    [Fact]
    public async Task Writers_TakeTheirTurns_InTheOrderTheyAsked()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(gate);
        var transaction = await first.Database.BeginTransactionAsync();
        var order = new ConcurrentQueue<int>();
        var writers = new List<Task>();
        for (var writer = 1; writer <= 4; writer++)
        {
            var me = writer;
            writers.Add(StartWriter(gate, me, order));
            await WaitUntilAsync(() => gate.Waiting == me);
        }

        await first.Database.ExecuteSqlRawAsync("INSERT INTO Writes (Writer) VALUES (0)");
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1, 2, 3, 4], order);
        Assert.Equal(5, await CountAsync());
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task ATransaction_DisposedWithoutCommit_OnAnOpenConnection_GivesUpItsTurn()
    {
        // The request keeps its connection open (ScanContextLoader), so no close ends the turn either.
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(60));
        await using var first = Context(gate);
        await first.Database.OpenConnectionAsync();
        var transaction = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("INSERT INTO Writes (Writer) VALUES (0)");
        await transaction.DisposeAsync();

        var started = Stopwatch.StartNew();
        var order = new ConcurrentQueue<int>();
        await StartWriter(gate, 1, order).WaitAsync(TimeSpan.FromSeconds(20));

        // Far below the gate's 60 s: the waiter saw that the holder's transaction had ended.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task AWriterThatWaitedTooLong_GoesOnWithoutItsTurn_AndSqliteDecides()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(200));
        await using var first = Context(gate);
        var transaction = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("INSERT INTO Writes (Writer) VALUES (0)");
        var order = new ConcurrentQueue<int>();
        var second = StartWriter(gate, 1, order);
        await WaitUntilAsync(() => gate.Waiting == 1);

        // Past the gate's wait, the second writer waits in SQLite's busy handler (5 s) until the first commits.
        await WaitUntilAsync(() => gate.Waiting == 0);
        Assert.False(second.IsCompleted);
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([1], order);
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task ARolledBackTransaction_HandsTheTurnOn()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(60));
        await using var first = Context(gate);
        var transaction = await first.Database.BeginTransactionAsync();
        var order = new ConcurrentQueue<int>();
        var second = StartWriter(gate, 1, order);
        await WaitUntilAsync(() => gate.Waiting == 1);

        await first.Database.ExecuteSqlRawAsync("INSERT INTO Writes (Writer) VALUES (0)");
        await transaction.RollbackAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, await CountAsync());
        Assert.Equal(0, gate.Waiting);
    }

    /// <summary>A writer on a thread of its own, as a request is: it notes its number when its transaction began.</summary>
    private Task StartWriter(SqliteWriteGate gate, int writer, ConcurrentQueue<int> order) =>
        Task.Factory.StartNew(() => Write(gate, writer, order), TaskCreationOptions.LongRunning);

    private void Write(SqliteWriteGate gate, int writer, ConcurrentQueue<int> order)
    {
        using var db = Context(gate);
        using var transaction = db.Database.BeginTransaction();
        order.Enqueue(writer);
        db.Database.ExecuteSqlRaw("INSERT INTO Writes (Writer) VALUES ({0})", writer);
        transaction.Commit();
    }

    private async Task<int> CountAsync()
    {
        await using var db = Context(new SqliteWriteGate(TimeSpan.FromSeconds(5)));
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Writes").SingleAsync();
    }

    private SqliteAppDbContext Context(SqliteWriteGate gate, string mode = "ReadWrite") =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={_path};Mode={mode};Pooling=False")
            .AddInterceptors(new SqlitePragmaInterceptor(5000), gate)
            .Options);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(5);
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
