using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>Changes a user's name, role and scope, or (de)activates them. A deactivated user cannot log in; their history stays.</summary>
public static class EditUser
{
    public sealed class Input : UserScopeInput
    {
        public bool IsActive { get; set; } = true;

        /// <summary>Identity's concurrency stamp as loaded, so two admins do not overwrite each other.</summary>
        public string? ConcurrencyStamp { get; set; }
    }

    public sealed record Details(string Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, DateTimeOffset? InvitationSentAt, bool HasPassword,
        bool TwoFactorEnabled);

    public sealed record Model(Details User, Input Input, UserFormChoices Choices);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => UserForm.AddScopeRules(this);
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> userManager, AuditLog.AuditLog auditLog)
    {
        public async Task<Model?> GetAsync(string id, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Regions).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null) return null;
            var input = new Input
            {
                DisplayName = user.DisplayName, Role = user.Role.ToString(), BoardId = user.BoardId?.ToString(), SchoolId = user.SchoolId?.ToString(),
                IsDirector = user.IsDirector, RegionIds = user.Regions.Select(r => r.Id).ToList(), IsActive = user.IsActive, ConcurrencyStamp = user.ConcurrencyStamp,
            };
            return new Model(DetailsOf(user), input, await UserForm.ChoicesAsync(db, cancellationToken));
        }

        public async Task<Model?> WithInputAsync(string id, Input input, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            return user is null ? null : new Model(DetailsOf(user), input, await UserForm.ChoicesAsync(db, cancellationToken));
        }

        public async Task<IReadOnlyList<(string Field, string Message)>> HandleAsync(string id, string currentUserId, Input input, CancellationToken cancellationToken)
        {
            var user = await db.Users.Include(u => u.Regions).Include(u => u.Board).Include(u => u.School).SingleAsync(u => u.Id == id, cancellationToken);
            if (user.ConcurrencyStamp != input.ConcurrencyStamp)
            {
                return [("", "Iemand anders heeft deze gebruiker intussen gewijzigd. Hieronder staan nu de nieuwe gegevens; voer uw wijziging zo nodig opnieuw in.")];
            }

            if (id == currentUserId && (!input.IsActive || input.Role != nameof(UserRole.PartnershipAdmin)))
            {
                return [("", "U kunt uw eigen account niet deactiveren en uw eigen rol als beheerder niet wijzigen.")];
            }

            var before = Describe(user);
            var wasActive = user.IsActive;
            var errors = await UserForm.ApplyAsync(db, user, input, cancellationToken);
            if (errors.Count > 0) return errors;
            user.IsActive = input.IsActive;
            await db.Entry(user).Reference(u => u.Board).LoadAsync(cancellationToken);
            await db.Entry(user).Reference(u => u.School).LoadAsync(cancellationToken);
            var after = Describe(user);
            if (before != after) auditLog.Add(AuditActions.RoleChanged, $"Rol van {user.Email} gewijzigd: {before} → {after}.", subject: user.Email);
            if (wasActive && !user.IsActive) auditLog.Add(AuditActions.UserDeactivated, $"{user.Email} gedeactiveerd.", subject: user.Email);
            if (!wasActive && user.IsActive) auditLog.Add(AuditActions.UserReactivated, $"{user.Email} weer actief gemaakt.", subject: user.Email);

            // A new security stamp ends the person's current sessions when their role or status changes.
            var result = before != after || wasActive != user.IsActive ? await userManager.UpdateSecurityStampAsync(user) : await userManager.UpdateAsync(user);
            if (!result.Succeeded)
            {
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                    ? [("", "Iemand anders heeft deze gebruiker intussen gewijzigd. Probeer het opnieuw.")]
                    : result.Errors.Select(e => ("", e.Description)).ToList();
            }

            return [];
        }

        private static string Describe(AppUser user) =>
            UserForm.Describe(user.Role, user.Board?.Name, user.School?.Name, user.IsDirector, user.Regions.Select(r => r.Name).Order().ToList());

        private static Details DetailsOf(AppUser user) =>
            new(user.Id, user.Email ?? "", user.CreatedAt, user.LastLoginAt, user.InvitationSentAt, user.PasswordHash is not null, user.TwoFactorEnabled);
    }
}

/// <summary>Sends a new invitation link to a user who has not set a password yet.</summary>
public static class ResendInvitation
{
    public sealed class Handler(AppDbContext db, InvitationMail invitationMail, AuditLog.AuditLog auditLog)
    {
        public async Task<bool> HandleAsync(string id, string baseUrl, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleAsync(u => u.Id == id, cancellationToken);
            if (user.PasswordHash is not null || !user.IsActive) return false;
            auditLog.Add(AuditActions.UserInvited, $"Nieuwe uitnodiging gestuurd aan {user.Email}.", subject: user.Email);
            await invitationMail.SendAsync(user, baseUrl, cancellationToken);
            return true;
        }
    }
}

/// <summary>Turns off someone's two-factor authentication (lost phone): they set it up again at the next login.</summary>
public static class ResetTwoFactor
{
    public sealed class Handler(UserManager<AppUser> userManager, AuditLog.AuditLog auditLog)
    {
        public async Task HandleAsync(string id, CancellationToken cancellationToken)
        {
            var user = await userManager.FindByIdAsync(id) ?? throw new InvalidOperationException("User not found.");
            await userManager.SetTwoFactorEnabledAsync(user, false);
            await userManager.ResetAuthenticatorKeyAsync(user);
            await userManager.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
            await auditLog.WriteAsync(AuditActions.TwoFactorReset, $"Tweestapsverificatie van {user.Email} gewist.", subject: user.Email, cancellationToken: cancellationToken);
        }
    }
}

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
                    u.Id, u.DisplayName, u.Email, u.Role, Board = u.Board != null ? u.Board.Name : null, School = u.School != null ? u.School.Name : null, u.IsDirector,
                    Regions = u.Regions.Select(r => r.Name).ToList(), u.IsActive, u.LastLoginAt, Pending = u.PasswordHash == null, u.TwoFactorEnabled,
                })
                .ToListAsync(cancellationToken);
            return users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", UserForm.Describe(u.Role, u.Board, u.School, u.IsDirector, u.Regions), u.IsActive,
                u.LastLoginAt, u.Pending, u.TwoFactorEnabled)).ToList();
        }
    }
}
