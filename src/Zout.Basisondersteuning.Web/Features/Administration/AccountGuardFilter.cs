using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Zout.Basisondersteuning.Web.Features.TwoFactor;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Administration;

/// <summary>
/// Runs before every action for a signed-in user: a deactivated (or deleted) account is signed out at
/// once, and partnership staff without two-factor authentication go to its setup before anything else opens.
/// A session whose security stamp is no longer the account's (password reset or changed elsewhere, two-factor
/// wiped, role or status changed) ends at once too, not only at Identity's next periodic check. The account comes from
/// <see cref="AccountCache"/> (no query while nothing changed).
/// </summary>
public sealed class AccountGuardFilter(CurrentUser currentUser, IConfiguration configuration, IOptions<IdentityOptions> identityOptions) : IAsyncAuthorizationFilter
{
    private static readonly string[] OpenPaths = [TwoFactorController.SetupPath, "/account/uitloggen", "/account/inloggen", "/fout"];

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // The error pages answer without asking the database: they also show that the database is away.
        if (http.User.Identity?.IsAuthenticated != true || http.Request.Path.StartsWithSegments("/fout", StringComparison.OrdinalIgnoreCase)) return;
        var account = await currentUser.AccountAsync(http.RequestAborted);
        var sessionStamp = http.User.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        if (account is not { IsActive: true } || (sessionStamp is not null && sessionStamp != account.SecurityStamp))
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.Result = new RedirectResult("/account/inloggen");
            return;
        }

        var path = http.Request.Path.Value ?? "";
        if (!account.TwoFactorEnabled && TwoFactorPolicy.IsRequired(account.Scope.Role, configuration)
                                      && !OpenPaths.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new RedirectResult(TwoFactorController.SetupPath);
        }
    }
}
