using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Account;

public static class Login
{
    public sealed class Input
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Vul uw e-mailadres in.")
                .EmailAddress().WithMessage("Vul een geldig e-mailadres in, zoals naam@school.nl.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Vul uw wachtwoord in.");
        }
    }

    /// <summary>The password was right; with <paramref name="RequiresTwoFactor"/> the person still enters a code before they are signed in.</summary>
    public sealed record PasswordAccepted(bool RequiresTwoFactor);

    public sealed class Handler(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, TimeProvider timeProvider, ILogger<Handler> logger, AuditLog auditLog)
    {
        public const string FailedMessage = "Het e-mailadres of het wachtwoord klopt niet.";
        public const string LockedOutMessage = "Uw account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw, of stel een nieuw wachtwoord in via 'Wachtwoord vergeten'.";

        // One message for an unknown address, an inactive account and a wrong password: the form does not tell which accounts exist.
        private static Result<PasswordAccepted> Failed() => Result.Invalid(nameof(Input.Email), FailedMessage).As<PasswordAccepted>();

        /// <summary>Succeeded with what comes next; Invalid for a wrong e-mail address or password; Refused while the account is locked out.</summary>
        public async Task<Result<PasswordAccepted>> HandleAsync(Input input)
        {
            var user = await userManager.FindByEmailAsync(input.Email!.Trim());
            if (user is null || !user.IsActive)
            {
                logger.LogWarning("Failed login for unknown or inactive account");
                await auditLog.WriteAsync(Domain.Administration.AuditActions.LoginFailed,
                    user is null ? "Inloggen mislukt: onbekend e-mailadres." : "Inloggen mislukt: account is niet actief.", subject: input.Email.Trim(), userId: user?.Id, actor: input.Email.Trim());
                return Failed();
            }

            var result = await signInManager.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.RequiresTwoFactor) return Result.Ok().With(new PasswordAccepted(RequiresTwoFactor: true));

            if (result.IsLockedOut)
            {
                await auditLog.WriteAsync(Domain.Administration.AuditActions.LoginFailed, "Inloggen geweigerd: account tijdelijk geblokkeerd.", subject: user.Email, userId: user.Id, actor: user.Email);
                logger.LogWarning("Login for user {UserId} refused: locked out", user.Id);
                return Result.Refused(nameof(Input.Email), LockedOutMessage).As<PasswordAccepted>();
            }

            if (!result.Succeeded)
            {
                logger.LogWarning("Failed login for user {UserId}", user.Id);
                await auditLog.WriteAsync(Domain.Administration.AuditActions.LoginFailed, "Inloggen mislukt: verkeerd wachtwoord.", subject: user.Email, userId: user.Id, actor: user.Email);
                return Failed();
            }

            user.LastLoginAt = timeProvider.GetUtcNow();
            auditLog.Add(Domain.Administration.AuditActions.Login, $"{user.Email} is ingelogd.", subject: user.Email, userId: user.Id, actor: user.Email);
            await userManager.UpdateAsync(user);
            logger.LogInformation("User {UserId} logged in", user.Id);
            return Result.Ok().With(new PasswordAccepted(RequiresTwoFactor: false));
        }
    }
}
