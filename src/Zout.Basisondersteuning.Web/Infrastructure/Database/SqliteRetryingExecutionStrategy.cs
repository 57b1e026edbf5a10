using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zout.Basisondersteuning.Web.Infrastructure.Database;

/// <summary>
/// Retries an operation when SQLite reports the database busy or locked for longer than the busy timeout.
/// It also makes SQLite follow the same rule as SQL Server's retrying strategy: a transaction we start
/// ourselves must run inside <c>Database.CreateExecutionStrategy().ExecuteAsync(...)</c>. Code that forgets
/// it fails in every test on SQLite instead of only in production on SQL Server.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    private const int Busy = 5;
    private const int Locked = 6;

    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Busy or Locked };
}
