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
    [Authorize]
    public async Task<IActionResult> Setup([FromServices] TwoFactorSetup.Handler handler)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await handler.GetAsync(user, new TwoFactorSetup.Input()));
    }

    [HttpPost("tweestapsverificatie")]
    [Authorize]
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
            validation.AddTo(ModelState);
        }

        return View(await handler.GetAsync(user, input));
    }

    [HttpPost("tweestapsverificatie/herstelcodes")]
    [Authorize]
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
            validation.AddTo(ModelState);
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

/// <summary>The second step of logging in: a code from the app, or a recovery code.</summary>
public static class LoginCode
{
    public sealed class Input
    {
        public string? Code { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => RuleFor(x => x.Code).NotEmpty().WithMessage("Vul de code uit de app in, of een herstelcode.");
    }

    public enum Outcome { Success, Failed, LockedOut, Expired }

    public sealed class Handler(SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, TimeProvider time, AuditLog.AuditLog auditLog)
    {
        public async Task<Outcome> HandleAsync(Input input)
        {
            var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (user is null || !user.IsActive) return Outcome.Expired;
            var code = TwoFactorSetup.Normalize(input.Code);
            var result = code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signInManager.TwoFactorRecoveryCodeSignInAsync(input.Code!.Trim());
            if (result.Succeeded)
            {
                user.LastLoginAt = time.GetUtcNow();
                auditLog.Add(AuditActions.Login, $"{user.Email} is ingelogd (met tweestapsverificatie).", subject: user.Email, userId: user.Id, actor: user.Email);
                await userManager.UpdateAsync(user);
                return Outcome.Success;
            }

            await auditLog.WriteAsync(AuditActions.LoginFailed, $"Verkeerde code bij inloggen van {user.Email}.", subject: user.Email, userId: user.Id, actor: user.Email);
            return result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
        }
    }
}
