using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Account;

/// <summary>The user's own choice of notifications: /account/meldingen.</summary>
[Route("account/meldingen")]
[SignedIn]
public sealed class NotificationSettingsController(CurrentUser currentUser) : Controller
{
    private const string ViewPath = "~/Features/Account/Notifications.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] NotificationSettings.Handler handler)
    {
        var model = await handler.PageAsync(currentUser.UserId!, null, HttpContext.RequestAborted);
        return model is null ? NotFound() : View(ViewPath, model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(NotificationSettings.Input input, [FromServices] IValidator<NotificationSettings.Input> validator, [FromServices] NotificationSettings.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation);
            var model = await handler.PageAsync(currentUser.UserId!, input, HttpContext.RequestAborted);
            return model is null ? NotFound() : View(ViewPath, model);
        }

        await handler.SaveAsync(currentUser.UserId!, input, HttpContext.RequestAborted);
        TempData["Flash"] = "Uw keuze voor berichten is opgeslagen.";
        return Redirect("/account/meldingen");
    }
}
