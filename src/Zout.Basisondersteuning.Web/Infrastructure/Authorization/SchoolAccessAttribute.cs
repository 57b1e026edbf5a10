using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// Checks the current user's access to the school in the route value "code" before the action runs:
/// 404 when the school does not exist, 403 when it is someone else's, a login when anonymous.
/// The action reads the decision with <see cref="SchoolAccessExtensions.School"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SchoolAccessAttribute(SchoolPermission permission) : Attribute, IAsyncActionFilter
{
    public const string RouteKey = "code";

    public SchoolPermission Permission { get; } = permission;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var code = context.RouteData.Values[RouteKey] as string;
        if (string.IsNullOrWhiteSpace(code))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var policy = context.HttpContext.RequestServices.GetRequiredService<AccessPolicy>();
        var access = await policy.ForSchoolAsync(code, Permission, context.HttpContext.RequestAborted);
        switch (access.Outcome)
        {
            case AccessOutcome.Allowed:
                context.HttpContext.Items[typeof(SchoolAccess)] = access;
                await next();
                return;
            case AccessOutcome.LoginRequired:
                await context.HttpContext.ChallengeAsync();
                context.Result = new EmptyResult();
                return;
            case AccessOutcome.Forbidden:
                context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                return;
            default:
                context.Result = new NotFoundResult();
                return;
        }
    }
}

public static class SchoolAccessExtensions
{
    /// <summary>The school access decided by <see cref="SchoolAccessAttribute"/> for this request.</summary>
    public static SchoolAccess School(this HttpContext httpContext) =>
        httpContext.Items[typeof(SchoolAccess)] as SchoolAccess
        ?? throw new InvalidOperationException("This action has no [SchoolAccess] attribute.");
}
