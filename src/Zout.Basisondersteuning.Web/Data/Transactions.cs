using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Infrastructure.Database;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>
/// A unit of work in one transaction, run by the execution strategy as both providers require (ADR 007): for a use
/// case that saves twice, e.g. a new record and then what needs its id (the links in its notifications). On SQLite the
/// transaction waits for its turn in the process's write queue (<see cref="SqliteWriteGate"/>, ADR 064), not in SQLite's
/// busy handler.
/// </summary>
public static class Transactions
{
    public static Task<T> InTransactionAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(() => SqliteWriteGate.RunAsync(db.Database, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken));
}
