using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// The signed-in user's scope, read from the database once per request so that a change of role,
/// school or regions, or a deactivation, takes effect at once.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, AppDbContext db)
{
    private UserScope? _scope;
    private bool _loaded;

    public string? UserId => httpContextAccessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<UserScope?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded) return _scope;
        _loaded = true;
        var userId = UserId;
        if (userId is null) return null;

        _scope = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(Scope)
            .SingleOrDefaultAsync(cancellationToken);
        return _scope;
    }

    /// <summary>
    /// The scope of other users, active ones only, read the same way as the current user's: for decisions made
    /// outside their request, such as whether a notification may still reach them.
    /// </summary>
    public static async Task<List<UserScope>> ScopesAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.IsActive)
            .Select(Scope)
            .ToListAsync(cancellationToken);

    /// <summary>A user's scope as one projection, so the current user and others are read alike.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Domain.Accounts.AppUser, UserScope>> Scope = u => new UserScope(
        u.Id,
        u.Email ?? "",
        u.DisplayName,
        u.Role,
        u.BoardId,
        u.SchoolId,
        u.IsDirector,
        u.Regions.Where(r => r.IsActive).Select(r => r.Id).ToList(),
        u.AllRegions);
}
