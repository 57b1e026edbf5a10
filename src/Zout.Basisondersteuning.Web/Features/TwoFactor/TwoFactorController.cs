using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
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
            var result = await handler.EnableAsync(user, input);
            if (result.Succeeded) return View("RecoveryCodes", result.Value);
            ModelState.AddErrors(result);
        }
        else
        {
            ModelState.AddErrors(validation);
        }

        return View(await handler.GetAsync(user, input));
    }

    [HttpPost("tweestapsverificatie/herstelcodes")]
    [SignedIn]
    public async Task<IActionResult> NewRecoveryCodes([Bind(Prefix = nameof(TwoFactorSetup.Model.Recovery))] TwoFactorSetup.RecoveryInput input,
        [FromServices] IValidator<TwoFactorSetup.RecoveryInput> validator, [FromServices] TwoFactorSetup.Handler handler)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        var validation = await validator.ValidateAsync(input);
        var result = validation.IsValid ? await handler.NewRecoveryCodesAsync(user, input) : Result.Invalid(validation).As<IReadOnlyList<string>>();
        if (result.Succeeded) return View("RecoveryCodes", result.Value);
        if (result.Status == ResultStatus.Refused) return Redirect(SetupPath);
        ModelState.AddErrors(result, nameof(TwoFactorSetup.Model.Recovery));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Setup", await handler.GetAsync(user, new TwoFactorSetup.Input(), new TwoFactorSetup.RecoveryInput()));
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
        var result = validation.IsValid ? await handler.HandleAsync(input) : Result.Invalid(validation);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/");
        if (result.Status == ResultStatus.NotFound)
        {
            TempData["Flash"] = result.Message;
            return Redirect("/account/inloggen");
        }

        ModelState.AddErrors(result);
        return View(input);
    }
}
