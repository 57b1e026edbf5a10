using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.TwoFactor;

/// <summary>Two-factor authentication: setting it up, and the second step of logging in.</summary>
[Route("account")]
public sealed class TwoFactorController(UserManager<AppUser> userManager) : Controller
{
    public const string SetupPath = "/account/tweestapsverificatie";

    [HttpGet("tweestapsverificatie")]
    [SignedIn]
    public async Task<IActionResult> Setup([FromServices] TwoFactorSetup.Handler handler)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await handler.GetAsync(user, new TwoFactorSetup.Input()));
    }

    [HttpPost("tweestapsverificatie")]
    [SignedIn]
    public async Task<IActionResult> Setup(TwoFactorSetup.Input input, [FromServices] IValidator<TwoFactorSetup.Input> validator, [FromServices] TwoFactorSetup.Handler handler)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        var validation = await validator.ValidateAsync(input);
        if (validation.IsValid)
        {
            if (await handler.EnableAsync(user, input) is { } codes) return View("RecoveryCodes", codes);
            ModelState.AddModelError(nameof(input.Code), "Deze code klopt niet. Vul de code in die de app nu laat zien.");
        }
        else
        {
            ModelState.AddErrors(validation);
        }

        return View(await handler.GetAsync(user, input));
    }

    [HttpPost("tweestapsverificatie/herstelcodes")]
    [SignedIn]
    public async Task<IActionResult> NewRecoveryCodes([FromServices] TwoFactorSetup.Handler handler)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return Redirect(SetupPath);
        return View("RecoveryCodes", await handler.NewRecoveryCodesAsync(user));
    }

    [HttpGet("inloggen/code")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginCode(string? returnUrl, [FromServices] SignInManager<AppUser> signInManager)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/account/inloggen");
        return View(new LoginCode.Input { ReturnUrl = returnUrl });
    }

    [HttpPost("inloggen/code")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginCode(LoginCode.Input input, [FromServices] IValidator<LoginCode.Input> validator, [FromServices] LoginCode.Handler handler)
    {
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return View(input);
        }

        switch (await handler.HandleAsync(input))
        {
            case TwoFactor.LoginCode.Outcome.Success:
                return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
            case TwoFactor.LoginCode.Outcome.Expired:
                TempData["Flash"] = "Het inloggen duurde te lang. Log opnieuw in.";
                return Redirect("/account/inloggen");
            case TwoFactor.LoginCode.Outcome.LockedOut:
                ModelState.AddModelError(nameof(input.Code), Account.Login.Handler.LockedOutMessage);
                return View(input);
            default:
                ModelState.AddModelError(nameof(input.Code), "Deze code klopt niet. Vul de code in die de app nu laat zien, of een van uw herstelcodes.");
                return View(input);
        }
    }
}
