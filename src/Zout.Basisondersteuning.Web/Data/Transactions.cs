using Microsoft.EntityFrameworkCore;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>
/// A unit of work in one transaction, run by the execution strategy as both providers require (ADR 007): for a use
/// case that saves twice, e.g. a new record and then what needs its id (the links in its notifications).
/// </summary>
public static class Transactions
{
    public static Task<T> InTransactionAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
}
