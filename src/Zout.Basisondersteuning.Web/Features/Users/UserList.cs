using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>All users with role, scope, status and last login.</summary>
public static class UserList
{
    public sealed record Row(string Id, string Name, string Email, string Scope, bool IsActive, DateTimeOffset? LastLoginAt, bool InvitationPending, bool TwoFactorEnabled);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    u.Role,
                    Board = u.Board != null ? u.Board.Name : null,
                    School = u.School != null ? u.School.Name : null,
                    u.IsDirector,
                    u.AllRegions,
                    Regions = u.Regions.Select(r => r.Name).ToList(),
                    u.IsActive,
                    u.LastLoginAt,
                    Pending = u.PasswordHash == null,
                    u.TwoFactorEnabled,
                })
                .ToListAsync(cancellationToken);
            return users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", UserForm.Describe(u.Role, u.Board, u.School, u.IsDirector, u.AllRegions, u.Regions), u.IsActive,
                u.LastLoginAt, u.Pending, u.TwoFactorEnabled)).ToList();
        }
    }
}
