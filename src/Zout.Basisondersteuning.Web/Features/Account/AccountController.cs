using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Account;

[Route("account")]
public sealed class AccountController : Controller
{
    [HttpGet("inloggen")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new Login.Input { ReturnUrl = returnUrl });

    [HttpPost("inloggen")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(Login.Input input, [FromServices] IValidator<Login.Input> validator, [FromServices] Login.Handler handler)
    {
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return View(input);
        }

        var result = await handler.HandleAsync(input);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return View(input);
        }

        var returnUrl = Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : null;
        return result.Value!.RequiresTwoFactor
            ? Redirect("/account/inloggen/code" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)))
            : LocalRedirect(returnUrl ?? "/");
    }

    [HttpPost("uitloggen")]
    [AllowAnonymous]
    public async Task<IActionResult> Logout([FromServices] SignInManager<AppUser> signInManager, [FromServices] AuditLog auditLog)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await auditLog.WriteAsync(Domain.Administration.AuditActions.Logout, $"{User.Identity.Name} is uitgelogd.", subject: User.Identity.Name, cancellationToken: HttpContext.RequestAborted);
        }

        await signInManager.SignOutAsync();
        TempData["Flash"] = "U bent uitgelogd.";
        return Redirect("/");
    }

    [HttpGet("wachtwoord-vergeten")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Input());

    [HttpPost("wachtwoord-vergeten")]
    [AllowAnonymous]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Input input, [FromServices] IValidator<ForgotPassword.Input> validator,
        [FromServices] ForgotPassword.Handler handler)
    {
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return View(input);
        }

        await handler.HandleAsync(input, HttpContext.RequestAborted);
        return View("ForgotPasswordSent", input);
    }

    [HttpGet("wachtwoord-herstellen")]
    [AllowAnonymous]
    public IActionResult ResetPassword(string? email, string? code) => View(new ResetPassword.Input { Email = email, Code = code });

    [HttpPost("wachtwoord-herstellen")]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword(ResetPassword.Input input, [FromServices] IValidator<ResetPassword.Input> validator, [FromServices] ResetPassword.Handler handler)
    {
        var validation = await validator.ValidateAsync(input);
        var result = validation.IsValid ? await handler.HandleAsync(input) : Result.Invalid(validation);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Uw wachtwoord is gewijzigd. U kunt nu inloggen met uw nieuwe wachtwoord.";
            return RedirectToAction(nameof(Login));
        }

        ModelState.AddErrors(result);
        return View(input);
    }

    [HttpGet("wachtwoord-wijzigen")]
    [SignedIn]
    public IActionResult ChangePassword() => View(new ChangePassword.Input());

    [HttpPost("wachtwoord-wijzigen")]
    [SignedIn]
    public async Task<IActionResult> ChangePassword(ChangePassword.Input input, [FromServices] IValidator<ChangePassword.Input> validator, [FromServices] ChangePassword.Handler handler)
    {
        var validation = await validator.ValidateAsync(input);
        var result = validation.IsValid ? await handler.HandleAsync(User, input) : Result.Invalid(validation);
        if (result.Succeeded)
        {
            TempData["Flash"] = "Uw wachtwoord is gewijzigd.";
            return Redirect("/");
        }

        ModelState.AddErrors(result);
        return View(input);
    }
}
