using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>The values of the counters the caches in memory follow, as one request saw them.</summary>
public readonly record struct Stamps(long Structure, long Accounts, long Frameworks, long Activity, long Published, long Summaries, long Support);

/// <summary>
/// Reads the counters that the caches in memory follow (structure, accounts, frameworks, activity, published,
/// scan summaries, support content) once per request, in one
/// query by primary key, so that every cache of the request asks the database one question in all. A save in this
/// process that raises a counter (<see cref="Interceptors.CacheCounterInterceptor"/>) makes the next question read
/// them again, so a request that changed something and then reads it sees its own change.
/// A cache keeps what it read together with the stamp it read <em>before</em> reading it: what it holds is never
/// older than its stamp, so as long as the stamp is the same everywhere, the data is too (ADR 062).
/// </summary>
public sealed class ChangeStamps(AppDbContext db, LocalChanges localChanges)
{
    /// <summary>
    /// The counters' rows, compiled once: this query runs on every signed-in request, and translating it each time was
    /// two fifths of its cost (issue 15). The names are constants in the statement.
    /// </summary>
    private static readonly Func<AppDbContext, IAsyncEnumerable<ChangeCounter>> Query =
        EF.CompileAsyncQuery((AppDbContext db) => db.ChangeCounters.AsNoTracking()
            .Where(c => c.Name == ChangeCounter.Structure || c.Name == ChangeCounter.Accounts || c.Name == ChangeCounter.Frameworks
                || c.Name == ChangeCounter.Activity || c.Name == ChangeCounter.Published || c.Name == ChangeCounter.ScanSummaries || c.Name == ChangeCounter.Support));

    private Stamps _stamps;
    private long _readAtLocalChange = -1;

    public async Task<Stamps> GetAsync(CancellationToken cancellationToken = default)
    {
        var local = localChanges.Count;
        if (_readAtLocalChange == local) return _stamps;
        var values = await Query(db).ToListAsync(cancellationToken);
        long Value(string name) => values.FirstOrDefault(v => v.Name == name)?.Value ?? 0;
        _stamps = new Stamps(Value(ChangeCounter.Structure), Value(ChangeCounter.Accounts), Value(ChangeCounter.Frameworks), Value(ChangeCounter.Activity), Value(ChangeCounter.Published),
            Value(ChangeCounter.ScanSummaries), Value(ChangeCounter.Support));
        _readAtLocalChange = local;
        return _stamps;
    }
}

/// <summary>Counts the counter raises of this process, so a request that raised one reads the stamps again.</summary>
public sealed class LocalChanges
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Raised() => Interlocked.Increment(ref _count);
}
