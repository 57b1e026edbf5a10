using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>Raises a <see cref="ChangeCounter"/>; in a transaction, its row stays locked until the commit.</summary>
public static class ChangeCounters
{
    /// <summary>
    /// Raises the counter by <paramref name="by"/> and returns its new value. A database without the counter
    /// gets it, starting from <paramref name="start"/> (for example the highest stamp already handed out).
    /// </summary>
    public static async Task<long> RaiseAsync(AppDbContext db, string name, int by, Func<Task<long>> start, CancellationToken cancellationToken)
    {
        var counter = db.ChangeCounters.Where(c => c.Name == name);
        // A long, not the int: EF turns a captured variable into a parameter, but a converted one ("(long)by") into a
        // lambda it compiles on every call (a new method for the JIT on every save).
        long step = by;
        if (await counter.ExecuteUpdateAsync(u => u.SetProperty(c => c.Value, c => c.Value + step), cancellationToken) > 0)
        {
            return await counter.Select(c => c.Value).SingleAsync(cancellationToken);
        }

        var created = new ChangeCounter { Name = name, Value = await start() + by };
        db.ChangeCounters.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(created).State = EntityState.Detached;
        return created.Value;
    }

    /// <summary>Counters at most one statement raises at a time (a bound on its parameters).</summary>
    private const int Chunk = 400;

    /// <summary>
    /// Raises each counter by one, whether or not it exists yet (a missing one starts at 1): a few statements however
    /// many counters (a carry-over raises one per school). When another writer created a missing counter meanwhile (only
    /// possible on SQL Server; SQLite has one writer at a time), that one is raised instead.
    /// </summary>
    public static async Task RaiseEachAsync(AppDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            if (await RaiseExistingAsync(db, chunk, cancellationToken) == chunk.Length) continue;
            var existing = await db.ChangeCounters.AsNoTracking().Where(c => chunk.Contains(c.Name)).Select(c => c.Name).ToListAsync(cancellationToken);
            var missing = chunk.Except(existing, StringComparer.Ordinal).ToArray();
            var created = missing.Select(name => new ChangeCounter { Name = name, Value = 1 }).ToList();
            db.ChangeCounters.AddRange(created);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone else created one of them after our read: raise the ones that exist now.
                foreach (var counter in created) db.Entry(counter).State = EntityState.Detached;
                await RaiseExistingAsync(db, missing, cancellationToken);
                continue;
            }

            foreach (var counter in created) db.Entry(counter).State = EntityState.Detached;
        }
    }

    private static Task<int> RaiseExistingAsync(AppDbContext db, string[] names, CancellationToken cancellationToken) =>
        db.ChangeCounters.Where(c => names.Contains(c.Name)).ExecuteUpdateAsync(u => u.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken);
}
