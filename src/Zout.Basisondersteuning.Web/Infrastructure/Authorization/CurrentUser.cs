using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// The signed-in user's account and scope for this request, from <see cref="AccountCache"/>: read from the database
/// only when the account changed (or was not read yet), so that a change of role, school or regions, or a
/// deactivation, takes effect on the next request, on every instance.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, AppDbContext db, AccountCache accounts, ChangeStamps stamps)
{
    private SessionAccount? _account;
    private bool _loaded;

    public string? UserId => httpContextAccessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The scope of the signed-in user; null when anonymous, unknown or deactivated.</summary>
    public async Task<UserScope?> GetAsync(CancellationToken cancellationToken = default) =>
        await AccountAsync(cancellationToken) is { IsActive: true } account ? account.Scope : null;

    /// <summary>The signed-in user's account, active or not; null when anonymous or unknown.</summary>
    public async Task<SessionAccount?> AccountAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded) return _account;
        var userId = UserId;
        _account = userId is null ? null : await accounts.GetAsync(db, stamps, userId, cancellationToken);
        _loaded = true;
        return _account;
    }

    /// <summary>
    /// The scope of other users, active ones only, read the same way as the current user's: for decisions made
    /// outside their request, such as whether a notification may still reach them.
    /// </summary>
    public static async Task<List<UserScope>> ScopesAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        (await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.IsActive)
            .Select(AccountCache.Projection)
            .ToListAsync(cancellationToken))
        .ConvertAll(a => a.Scope);
}
