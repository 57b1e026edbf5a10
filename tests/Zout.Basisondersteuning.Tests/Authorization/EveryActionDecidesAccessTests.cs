using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Tests.Authorization;

/// <summary>
/// Every controller action says who may use it, in one of the shared ways: public ([AllowAnonymous]), a role
/// ([RequireRole], [SignedIn]), or a school or board ([SchoolAccess], [BoardAccess]) whose route has that key.
/// A new action without one fails here, so access is never left to chance.
/// </summary>
[Collection(Portals.Main)]
public sealed class EveryActionDecidesAccessTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private List<ControllerActionDescriptor> Actions() =>
        Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .ToList();

    [Fact]
    public void EveryAction_IsPublic_OrHasARole_OrASchoolOrBoardAccessAttribute()
    {
        var actions = Actions();
        Assert.True(actions.Count > 50, $"Only {actions.Count} actions found: is the app's assembly loaded?");
        var missing = actions
            .Where(a => !a.EndpointMetadata.Any(m => m is IAllowAnonymous or RequireRoleAttribute or SchoolAccessAttribute or BoardAccessAttribute))
            .Select(Name)
            .ToList();
        Assert.True(missing.Count == 0, "Actions without an access decision: " + string.Join(", ", missing));
    }

    [Fact]
    public void SchoolAndBoardAccess_OnlyOnRoutesWithTheirKey()
    {
        var wrong = Actions()
            .Where(a => (a.EndpointMetadata.OfType<SchoolAccessAttribute>().Any() && !Template(a).Contains("{" + SchoolAccessAttribute.RouteKey, StringComparison.Ordinal))
                        || (a.EndpointMetadata.OfType<BoardAccessAttribute>().Any() && !Template(a).Contains("{" + BoardAccessAttribute.RouteKey, StringComparison.Ordinal)))
            .Select(Name)
            .ToList();
        Assert.True(wrong.Count == 0, "Access attributes on routes without the key they check: " + string.Join(", ", wrong));
    }

    [Fact]
    public void PublicActions_AreTheKnownPublicPages()
    {
        // Anonymous access is a deliberate choice: a new public action must be added here on purpose.
        string[] expected =
        [
            "Account.ForgotPassword", "Account.Login", "Account.Logout", "Account.ResetPassword",
            "DevelopmentMail.Index", "Errors.ServerError", "Errors.Status", "Home.Index", "Invitation.Accept",
            "PublicSop.Page", "PublicSop.ParentReport", "PublicSop.ParentReportPdf", "PublicSop.Pdf", "PublicSop.YearPdf",
            "PublicSupport.Index", "Schools.PublicDetails", "Schools.PublicIndex", "TwoFactor.LoginCode",
        ];
        var actual = Actions()
            .Where(a => a.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            .Select(a => $"{a.ControllerName}.{a.ActionName}")
            .Distinct()
            .Order()
            .ToList();
        Assert.True(expected.Order().SequenceEqual(actual), "Public actions: " + string.Join(", ", actual));
    }

    private static string Template(ControllerActionDescriptor action) => action.AttributeRouteInfo?.Template ?? "";

    private static string Name(ControllerActionDescriptor action) => $"{action.ControllerName}.{action.ActionName} ({Template(action)})";
}
