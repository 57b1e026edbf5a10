using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>The page behind the link in the invitation mail.</summary>
[Route("account/uitnodiging")]
[AllowAnonymous]
public sealed class InvitationController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Accept(string? id, string? code, [FromServices] AcceptInvitation.Handler handler)
    {
        if (await handler.ValidUserAsync(id, code) is null) return View("~/Features/Users/InvitationInvalid.cshtml");
        return View("~/Features/Users/AcceptInvitation.cshtml", new AcceptInvitation.Input { Id = id, Code = code });
    }

    [HttpPost("")]
    public async Task<IActionResult> Accept(AcceptInvitation.Input input, [FromServices] IValidator<AcceptInvitation.Input> validator, [FromServices] AcceptInvitation.Handler handler)
    {
        var validation = await validator.ValidateAsync(input);
        var result = validation.IsValid ? await handler.HandleAsync(input) : Result.Invalid(validation);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Uw wachtwoord is opgeslagen. U kunt nu inloggen.";
            return Redirect("/account/inloggen");
        }

        if (result.Status == ResultStatus.NotFound) return View("~/Features/Users/InvitationInvalid.cshtml");
        ModelState.AddErrors(result);
        return View("~/Features/Users/AcceptInvitation.cshtml", input);
    }
}
