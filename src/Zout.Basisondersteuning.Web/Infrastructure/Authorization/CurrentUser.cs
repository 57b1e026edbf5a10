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
            .Select(u => new UserScope(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                u.Role,
                u.BoardId,
                u.SchoolId,
                u.IsDirector,
                u.Regions.Where(r => r.IsActive).Select(r => r.Id).ToList(),
                u.AllRegions))
            .SingleOrDefaultAsync(cancellationToken);
        return _scope;
    }
}
