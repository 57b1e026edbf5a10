using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

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

    public enum Outcome { Success, Failed, LockedOut, Expired }

    public sealed class Handler(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, TimeProvider time, AuditLog auditLog)
    {
        public async Task<Outcome> HandleAsync(Input input)
        {
            var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (user is null || !user.IsActive) return Outcome.Expired;
            var code = TwoFactorSetup.Normalize(input.Code);
            var result = code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signInManager.TwoFactorRecoveryCodeSignInAsync(input.Code!.Trim());
            if (result.Succeeded)
            {
                user.LastLoginAt = time.GetUtcNow();
                auditLog.Add(AuditActions.Login, $"{user.Email} is ingelogd (met tweestapsverificatie).", subject: user.Email, userId: user.Id, actor: user.Email);
                await userManager.UpdateAsync(user);
                return Outcome.Success;
            }

            await auditLog.WriteAsync(AuditActions.LoginFailed, $"Verkeerde code bij inloggen van {user.Email}.", subject: user.Email, userId: user.Id, actor: user.Email);
            return result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
        }
    }
}
