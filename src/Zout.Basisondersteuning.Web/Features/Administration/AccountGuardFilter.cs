using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Features.TwoFactor;

namespace Zout.Basisondersteuning.Web.Features.Administration;

/// <summary>
/// Runs before every action for a signed-in user: a deactivated (or deleted) account is signed out at
/// once, and partnership staff without two-factor authentication go to its setup before anything else opens.
/// </summary>
public sealed class AccountGuardFilter(AppDbContext db, IConfiguration configuration) : IAsyncAuthorizationFilter
{
    private static readonly string[] OpenPaths = [TwoFactorController.SetupPath, "/account/uitloggen", "/account/inloggen", "/fout"];

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true) return;
        var userId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.Role, u.TwoFactorEnabled }).SingleOrDefaultAsync(http.RequestAborted);
        if (account is not { IsActive: true })
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.Result = new RedirectResult("/account/inloggen");
            return;
        }

        var path = http.Request.Path.Value ?? "";
        if (!account.TwoFactorEnabled && TwoFactorPolicy.IsRequired(account.Role, configuration)
                                      && !OpenPaths.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new RedirectResult(TwoFactorController.SetupPath);
        }
    }
}
