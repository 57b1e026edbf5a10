using Microsoft.EntityFrameworkCore;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>
/// One value read from the database and kept in memory as long as a stamp (<see cref="ChangeStamps"/>) stays the
/// same. The value is read after the stamp, so it is never older than the stamp it is kept under.
/// </summary>
public sealed class StampedValue<T>
{
    private sealed record Kept(long Stamp, T Value);

    private Kept? _kept;

    public async Task<T> GetAsync(long stamp, Func<Task<T>> read)
    {
        if (Volatile.Read(ref _kept) is { } kept && kept.Stamp == stamp) return kept.Value;
        var value = await read();
        Volatile.Write(ref _kept, new Kept(stamp, value));
        return value;
    }
}

/// <summary>The partnership's name (one per deployment), shown in every page header: kept while the structure stamp stays.</summary>
public sealed class PartnershipName
{
    private readonly StampedValue<string?> _name = new();

    public async Task<string?> GetAsync(AppDbContext db, ChangeStamps stamps, CancellationToken cancellationToken = default) =>
        await _name.GetAsync((await stamps.GetAsync(cancellationToken)).Structure, () =>
            db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken));
}
