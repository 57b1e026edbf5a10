using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>Turns off someone's two-factor authentication (lost phone): they set it up again at the next login.</summary>
public static class ResetTwoFactor
{
    public sealed class Handler(UserManager<AppUser> userManager, AuditLog auditLog)
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
