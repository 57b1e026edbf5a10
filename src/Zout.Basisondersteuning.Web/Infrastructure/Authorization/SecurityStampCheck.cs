using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// Identity's security stamp check of the sign-in cookie (password changed, two-factor changed: the session ends),
/// asked only when the cookie is older than <see cref="SecurityStampValidatorOptions.ValidationInterval"/>, by the same
/// rule as <see cref="SecurityStampValidator{TUser}"/>. Identity's own event asks the validator on every request, and
/// building it made a UserManager and a SignInManager per request only to compare two times: a twentieth of a
/// signed-in page's CPU (issue 15).
/// </summary>
public static class SecurityStampCheck
{
    public static Task WhenDueAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
            ? Task.CompletedTask
            : SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
