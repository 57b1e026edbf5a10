using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// Checks the current user's access to the school in the route value "code" before the action runs:
/// 404 when the school does not exist, 403 when it is someone else's, a login when anonymous.
/// The action reads the decision (the school and every permission there) with <see cref="AccessExtensions.School"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SchoolAccessAttribute(SchoolPermission permission) : Attribute, IAsyncActionFilter
{
    public const string RouteKey = "code";

    public SchoolPermission Permission { get; } = permission;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.RouteData.Values[RouteKey] is not string code || string.IsNullOrWhiteSpace(code))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var policy = context.HttpContext.RequestServices.GetRequiredService<AccessPolicy>();
        var access = await policy.ForSchoolAsync(code, Permission, context.HttpContext.RequestAborted);
        context.HttpContext.Items[typeof(SchoolAccess)] = access;
        await AccessFilter.ContinueAsync(context, next, access.Outcome);
    }
}

/// <summary>
/// Checks the current user's access to the board in the route value "bestuur" before the action runs:
/// 404 when the board does not exist, 403 when it is someone else's, a login when anonymous.
/// The action reads the decision with <see cref="AccessExtensions.Board"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class BoardAccessAttribute(BoardPermission permission) : Attribute, IAsyncActionFilter
{
    public const string RouteKey = "bestuur";

    public BoardPermission Permission { get; } = permission;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.RouteData.Values[RouteKey] is not string value || !int.TryParse(value, out var boardId))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var policy = context.HttpContext.RequestServices.GetRequiredService<AccessPolicy>();
        var access = await policy.ForBoardAsync(boardId, Permission, context.HttpContext.RequestAborted);
        context.HttpContext.Items[typeof(BoardAccess)] = access;
        await AccessFilter.ContinueAsync(context, next, access.Outcome);
    }
}

internal static class AccessFilter
{
    /// <summary>Runs the action when allowed; otherwise the honest answer: a login, a 403 or a 404.</summary>
    public static async Task ContinueAsync(ActionExecutingContext context, ActionExecutionDelegate next, AccessOutcome outcome)
    {
        switch (outcome)
        {
            case AccessOutcome.Allowed:
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

public static class AccessExtensions
{
    /// <summary>The school access decided by <see cref="SchoolAccessAttribute"/> for this request.</summary>
    public static SchoolAccess School(this HttpContext httpContext) =>
        httpContext.Items[typeof(SchoolAccess)] as SchoolAccess
        ?? throw new InvalidOperationException("This action has no [SchoolAccess] attribute.");

    /// <summary>The board access decided by <see cref="BoardAccessAttribute"/> for this request.</summary>
    public static BoardAccess Board(this HttpContext httpContext) =>
        httpContext.Items[typeof(BoardAccess)] as BoardAccess
        ?? throw new InvalidOperationException("This action has no [BoardAccess] attribute.");
}
