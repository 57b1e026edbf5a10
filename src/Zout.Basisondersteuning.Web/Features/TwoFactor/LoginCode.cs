using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Features.Account;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.TwoFactor;

/// <summary>The second step of logging in: a code from the app, or a recovery code.</summary>
public static class LoginCode
{
    public sealed class Input
    {
        public string? Code { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => RuleFor(x => x.Code).NotEmpty().WithMessage("Vul de code uit de app in, of een herstelcode.");
    }

    public sealed class Handler(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, TimeProvider time, AuditLog auditLog)
    {
        /// <summary>
        /// Invalid for a wrong code; Refused while the account is locked out (both at the code); NotFound when the first step of
        /// logging in is gone (too long ago, or the account was deactivated in between): the message says to log in again.
        /// </summary>
        public async Task<Result> HandleAsync(Input input)
        {
            var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (user is null || !user.IsActive) return Result.NotFound("Het inloggen duurde te lang. Log opnieuw in.");
            var code = TwoFactorSetup.Normalize(input.Code);
            var result = code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signInManager.TwoFactorRecoveryCodeSignInAsync(input.Code!.Trim());
            if (result.Succeeded)
            {
                user.LastLoginAt = time.GetUtcNow();
                auditLog.Add(AuditActions.Login, $"{user.Email} is ingelogd (met tweestapsverificatie).", subject: user.Email, userId: user.Id, actor: user.Email);
                await userManager.UpdateAsync(user);
                return Result.Ok();
            }

            await auditLog.WriteAsync(AuditActions.LoginFailed, $"Verkeerde code bij inloggen van {user.Email}.", subject: user.Email, userId: user.Id, actor: user.Email);
            return result.IsLockedOut
                ? Result.Refused(nameof(Input.Code), Login.Handler.LockedOutMessage)
                : Result.Invalid(nameof(Input.Code), "Deze code klopt niet. Vul de code in die de app nu laat zien, of een van uw herstelcodes.");
        }
    }
}
