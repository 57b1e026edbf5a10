using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// The SQL queries the portal sends: counted, so a test can prove a page's query count does not grow with the
/// data, and awaitable, so a test knows for certain that a request has got past a query instead of guessing
/// with a delay.
/// </summary>
public sealed class SqlCommands : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private readonly List<(Func<DbCommand, bool> Matches, TaskCompletionSource Ran)> _watches = [];
    private readonly List<string> _texts = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of every command since the last <see cref="ResetCount"/>, writes included, in order.</summary>
    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_lock) return _texts.ToList();
        }
    }

    public void ResetCount()
    {
        lock (_lock) _texts.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    // HttpContextAccessor keeps the request in a static AsyncLocal: any instance sees the request of the current flow.
    private static readonly Microsoft.AspNetCore.Http.HttpContextAccessor Requests = new();

    /// <summary>
    /// Counts the commands of HTTP requests only: a background service (the bulk-job runner's poll every few seconds)
    /// must not land in a page's count by chance.
    /// </summary>
    private static bool InRequest => Requests.HttpContext is not null;

    private void Record(DbCommand command)
    {
        lock (_lock) _texts.Add(command.CommandText);
    }

    /// <summary>Completes once the app has run a query that <paramref name="matches"/>, from now on.</summary>
    public Task RanAsync(Func<DbCommand, bool> matches)
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock) _watches.Add((matches, ran));
        return ran.Task;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!InRequest) return result;
        Record(command);
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!InRequest) return ValueTask.FromResult(result);
        Record(command);
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (!InRequest) return ValueTask.FromResult(result);
        Record(command);
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!InRequest) return ValueTask.FromResult(result);
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Ran(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Ran(command);
        return ValueTask.FromResult(result);
    }

    private void Ran(DbCommand command)
    {
        lock (_lock)
        {
            for (var i = _watches.Count - 1; i >= 0; i--)
            {
                if (!_watches[i].Matches(command)) continue;
                _watches[i].Ran.TrySetResult();
                _watches.RemoveAt(i);
            }
        }
    }
}
