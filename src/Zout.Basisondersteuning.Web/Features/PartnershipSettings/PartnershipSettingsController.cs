using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.PartnershipSettings;

/// <summary>/beheer/samenwerkingsverband: the partnership's name and contact details.</summary>
[Route("beheer/samenwerkingsverband")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class PartnershipSettingsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EditPartnership.Handler handler) =>
        View(new EditPartnership.Model(await handler.GetAsync(HttpContext.RequestAborted)));

    [HttpPost("")]
    public async Task<IActionResult> Index([Bind(Prefix = "Input")] EditPartnership.Input input, [FromServices] IValidator<EditPartnership.Input> validator,
        [FromServices] EditPartnership.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        var result = validation.IsValid ? await handler.SaveAsync(input, HttpContext.RequestAborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = "De gegevens van het samenwerkingsverband zijn opgeslagen.";
                return Redirect("/beheer/samenwerkingsverband");
            case ResultStatus.Conflict:
                // Show the details as they are now, not the stale input.
                ModelState.Clear();
                ModelState.AddErrors(result, "Input");
                return View(new EditPartnership.Model(await handler.GetAsync(HttpContext.RequestAborted)));
            default:
                ModelState.AddErrors(result, "Input");
                return View(new EditPartnership.Model(input));
        }
    }
}
