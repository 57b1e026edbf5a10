using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// Lets only users with one of these roles run the action (403 for others, a login for anonymous).
/// The role comes from the database through <see cref="CurrentUser"/>, like every access decision.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public class RequireRoleAttribute(params UserRole[] roles) : Attribute, IAsyncAuthorizationFilter
{
    public IReadOnlyList<UserRole> Roles { get; } = roles;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var user = await context.HttpContext.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.HttpContext.RequestAborted);
        if (user is null)
        {
            await context.HttpContext.ChallengeAsync();
            context.Result = new EmptyResult();
            return;
        }

        if (!Roles.Contains(user.Role)) context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
    }
}

/// <summary>Any signed-in, active user, whatever their role: their own account pages, the finder, the way home.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SignedInAttribute() : RequireRoleAttribute(Enum.GetValues<UserRole>());
