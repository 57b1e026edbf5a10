using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
        if (validation.IsValid)
        {
            var errors = await handler.HandleAsync(input);
            if (errors.Count == 0)
            {
                TempData["Flash"] = "Uw wachtwoord is opgeslagen. U kunt nu inloggen.";
                return Redirect("/account/inloggen");
            }

            if (errors.Any(e => e.Field == "")) return View("~/Features/Users/InvitationInvalid.cshtml");
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        }
        else
        {
            ModelState.AddErrors(validation);
        }

        return View("~/Features/Users/AcceptInvitation.cshtml", input);
    }
}
