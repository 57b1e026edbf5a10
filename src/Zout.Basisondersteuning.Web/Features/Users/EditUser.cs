using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

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

    public sealed class Handler(AppDbContext db, UserManager<AppUser> userManager, AuditLog auditLog)
    {
        public async Task<Model?> GetAsync(string id, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Regions).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null) return null;
            var input = new Input
            {
                DisplayName = user.DisplayName,
                Role = user.Role.ToString(),
                BoardId = user.BoardId?.ToString(CultureInfo.InvariantCulture),
                SchoolId = user.SchoolId?.ToString(CultureInfo.InvariantCulture),
                IsDirector = user.IsDirector,
                RegionIds = user.Regions.Select(r => r.Id).ToList(),
                AllRegions = user.Role == UserRole.Consultant ? user.AllRegions : null,
                IsActive = user.IsActive,
                ConcurrencyStamp = user.ConcurrencyStamp,
            };
            return new Model(DetailsOf(user), input, await UserForm.ChoicesAsync(db, cancellationToken, input.RegionIds));
        }

        public async Task<Model?> WithInputAsync(string id, Input input, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            return user is null ? null : new Model(DetailsOf(user), input, await UserForm.ChoicesAsync(db, cancellationToken, input.RegionIds));
        }

        /// <summary>
        /// Conflict when someone else changed the user since the form was loaded; Refused for taking away one's own admin role or
        /// access; Invalid for a board or school that does not exist.
        /// </summary>
        public async Task<Result> HandleAsync(string id, string currentUserId, Input input, CancellationToken cancellationToken)
        {
            var user = await db.Users.Include(u => u.Regions).Include(u => u.Board).Include(u => u.School).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null) return Result.NotFound();
            if (user.ConcurrencyStamp != input.ConcurrencyStamp)
            {
                return Result.Conflict("Iemand anders heeft deze gebruiker intussen gewijzigd. Hieronder staan nu de nieuwe gegevens; voer uw wijziging zo nodig opnieuw in.");
            }

            if (id == currentUserId && (!input.IsActive || input.Role != nameof(UserRole.PartnershipAdmin)))
            {
                return Result.Refused("U kunt uw eigen account niet deactiveren en uw eigen rol als beheerder niet wijzigen.");
            }

            var before = Describe(user);
            var wasActive = user.IsActive;
            var scope = await UserForm.ApplyAsync(db, user, input, cancellationToken);
            if (!scope.Succeeded) return scope;
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
                    ? Result.Conflict("Iemand anders heeft deze gebruiker intussen gewijzigd. Probeer het opnieuw.")
                    : Result.Invalid(result.Errors.Select(e => new FieldError(FieldError.Form, e.Description)));
            }

            return Result.Ok();
        }

        private static string Describe(AppUser user) =>
            UserForm.Describe(user.Role, user.Board?.Name, user.School?.Name, user.IsDirector, user.AllRegions, user.Regions.Select(r => r.Name).Order().ToList());

        private static Details DetailsOf(AppUser user) =>
            new(user.Id, user.Email ?? "", user.CreatedAt, user.LastLoginAt, user.InvitationSentAt, user.PasswordHash is not null, user.TwoFactorEnabled);
    }
}
