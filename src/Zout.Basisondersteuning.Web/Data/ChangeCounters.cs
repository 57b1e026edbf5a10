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
}
