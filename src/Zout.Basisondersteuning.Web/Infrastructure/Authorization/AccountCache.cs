using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>What a signed-in session depends on: the user's scope, whether the account is active, two-factor, the security stamp.</summary>
public sealed record SessionAccount(UserScope Scope, bool IsActive, bool TwoFactorEnabled, string? SecurityStamp, string? SchoolCode);

/// <summary>
/// The accounts of signed-in users in memory, so a request does not read the user, their role and scope from the
/// database. Valid as long as the <see cref="Domain.Dashboards.ChangeCounter.Accounts"/> and
/// <see cref="Domain.Dashboards.ChangeCounter.Structure"/> counters have the values they had when the account was
/// read: every save that changes an account (role, scope, regions, deactivation, password, security stamp,
/// two-factor) raises the first, in the same database every instance reads, so the next request on any instance
/// reads the account again (docs/decisions/062-session-and-lookup-caches.md).
/// </summary>
public sealed class AccountCache(TimeProvider time)
{
    /// <summary>A safety net: an entry is read again after this long even when no counter moved.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private Generation _current = new(default, new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));

    private sealed record Entry(SessionAccount? Account, DateTimeOffset ReadAt);

    private sealed record Generation((long Accounts, long Structure) Key, ConcurrentDictionary<string, Entry> Users);

    /// <summary>The account of <paramref name="userId"/> (active or not), or null when it does not exist.</summary>
    public async Task<SessionAccount?> GetAsync(AppDbContext db, ChangeStamps stamps, string userId, CancellationToken cancellationToken)
    {
        var current = await stamps.GetAsync(cancellationToken);
        var key = (current.Accounts, current.Structure);
        var generation = Volatile.Read(ref _current);
        if (generation.Key != key)
        {
            generation = new Generation(key, new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
            Volatile.Write(ref _current, generation);
        }

        var now = time.GetUtcNow();
        if (generation.Users.TryGetValue(userId, out var entry) && now - entry.ReadAt < MaxAge) return entry.Account;

        // Read after the stamps: what is kept is at least as new as the stamps it is kept under.
        var account = await ReadAsync(db, userId, cancellationToken);
        generation.Users[userId] = new Entry(account, now);
        return account;
    }

    private static Task<SessionAccount?> ReadAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(Projection).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A user's account as one projection, so the signed-in user and others (<see cref="CurrentUser.ScopesAsync"/>) are
    /// read alike: active regions only, "all regions" only when chosen.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Domain.Accounts.AppUser, SessionAccount>> Projection = u => new SessionAccount(
        new UserScope(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            u.Role,
            u.BoardId,
            u.SchoolId,
            u.IsDirector,
            u.Regions.Where(r => r.IsActive).Select(r => r.Id).ToList(),
            u.AllRegions),
        u.IsActive,
        u.TwoFactorEnabled,
        u.SecurityStamp,
        u.School != null ? u.School.LocationCode : null);
}
