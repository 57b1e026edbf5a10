using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Lets this process's SQLite write transactions take turns at the database's one write lock in the order they asked
/// for it, handing the turn to the next one the moment the previous one ends (ADR 068).
/// <para>
/// Without it, a writer that finds the lock taken waits in SQLite's busy handler, which polls: it sleeps 1, 2, 5, 10 ...
/// up to 100 ms between attempts, in no order, so now and then a section save waited hundreds of milliseconds while
/// the lock stood free (issue 14's load test: save p50 29 ms, p95 455 ms). The gate's waiters are threads blocked on a
/// monitor: the operating system wakes the next one as soon as the turn is handed over, also when the thread pool is
/// saturated (an <em>async</em> queue was tried and was worse under saturation: ADR 064). A monitor, not a
/// <see cref="SemaphoreSlim"/>: that spins before it blocks, which under eight savers on two cores was a quarter of the
/// portal's CPU.
/// </para>
/// <para>
/// Only this process's writers take the gate; another process on the same file (a second instance, a command-line
/// task) still meets them at SQLite's lock, through the busy handler, as before. The gate is an optimisation, never a
/// condition for correctness: a writer that waited longer than <c>maxWait</c> goes on without its turn and SQLite
/// decides. Every EF Core transaction on SQLite begins with <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default),
/// so every one is a writer; statements outside a transaction (a save of one row) are not gated.
/// </para>
/// <para>
/// A turn ends when its transaction commits, rolls back or fails, or its connection closes. A transaction that is
/// disposed without either (an exception in the unit of work, on a connection the request keeps open) is noticed by the
/// waiters, which look at the holder's transaction every <see cref="StaleCheck"/>: ADO.NET's
/// <see cref="DbTransaction.Connection"/> is null once a transaction is no longer valid.
/// </para>
/// </summary>
public sealed class SqliteWriteGate(TimeSpan maxWait) : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>How often a waiter checks whether the holder's transaction ended without telling the gate.</summary>
    public static readonly TimeSpan StaleCheck = TimeSpan.FromMilliseconds(50);

    private readonly object _sync = new();

    /// <summary>The connections waiting for their turn, first come first served.</summary>
    private readonly LinkedList<Guid> _waiting = new();

    private Guid? _holder;

    /// <summary>The holder's transaction once it has begun (null while <c>BEGIN</c> runs).</summary>
    private DbTransaction? _holderTransaction;

    /// <summary>When the holder got its turn (<see cref="Environment.TickCount64"/>).</summary>
    private long _heldSince;

    /// <summary>How many writers are waiting for their turn now (for tests and diagnostics).</summary>
    public int Waiting
    {
        get
        {
            lock (_sync) return _waiting.Count;
        }
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.ConnectionId);
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        // Blocking on purpose: see the class comment.
        Enter(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Started(eventData.ConnectionId, result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Started(eventData.ConnectionId, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Enter(Guid connection)
    {
        lock (_sync)
        {
            // A second transaction on the connection that has the turn (never two at once on one connection).
            if (_holder == connection) return;
            if (_holder is null && _waiting.Count == 0)
            {
                Take(connection);
                return;
            }

            var place = _waiting.AddLast(connection);
            var deadline = Environment.TickCount64 + (long)maxWait.TotalMilliseconds;
            while (_holder != connection)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    // Waited long enough: on without the turn, SQLite's busy handler decides.
                    _waiting.Remove(place);
                    return;
                }

                if (!Monitor.Wait(_sync, TimeSpan.FromMilliseconds(Math.Min(left, (long)StaleCheck.TotalMilliseconds))) && HolderIsStale())
                {
                    HandOver();
                }
            }
        }
    }

    /// <summary>
    /// The holder's transaction ended without commit, rollback or close (see the class comment), or its <c>BEGIN</c> did
    /// not come back within the busy timeout (it failed, and nothing will end the turn until its connection closes).
    /// </summary>
    private bool HolderIsStale() =>
        _holderTransaction is { Connection: null }
        || (_holderTransaction is null && _holder is not null && Environment.TickCount64 - _heldSince > (long)maxWait.TotalMilliseconds);

    private void Started(Guid connection, DbTransaction transaction)
    {
        lock (_sync)
        {
            if (_holder == connection) _holderTransaction = transaction;
        }
    }

    private void Leave(Guid connection)
    {
        lock (_sync)
        {
            if (_holder == connection) HandOver();
        }
    }

    private void Take(Guid connection)
    {
        _holder = connection;
        _holderTransaction = null;
        _heldSince = Environment.TickCount64;
    }

    /// <summary>Gives the turn to the longest waiter (or to nobody); called inside the lock.</summary>
    private void HandOver()
    {
        _holder = null;
        _holderTransaction = null;
        if (_waiting.First is not { } next) return;
        _waiting.RemoveFirst();
        Take(next.Value);
        Monitor.PulseAll(_sync);
    }
}
