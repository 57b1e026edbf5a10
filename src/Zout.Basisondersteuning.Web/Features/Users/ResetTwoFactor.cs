using Microsoft.AspNetCore.Identity;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>Turns off someone's two-factor authentication (lost phone): they set it up again at the next login.</summary>
public static class ResetTwoFactor
{
    public sealed class Handler(UserManager<AppUser> userManager, AuditLog auditLog)
    {
        /// <summary>NotFound for an unknown user.</summary>
        public async Task<Result> HandleAsync(string id, CancellationToken cancellationToken)
        {
            if (await userManager.FindByIdAsync(id) is not { } user) return Result.NotFound();
            await userManager.SetTwoFactorEnabledAsync(user, false);
            await userManager.ResetAuthenticatorKeyAsync(user);
            await userManager.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
            await auditLog.WriteAsync(AuditActions.TwoFactorReset, $"Tweestapsverificatie van {user.Email} gewist.", subject: user.Email, cancellationToken: cancellationToken);
            return Result.Ok();
        }
    }
}
