using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>Users of the portal: invite, change role and scope, deactivate, resend an invitation, reset two-factor.</summary>
[Route("beheer/gebruikers")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class UsersController : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] UserList.Handler handler) => View(await handler.HandleAsync(Aborted));

    [HttpGet("uitnodigen")]
    public async Task<IActionResult> Invite([FromServices] AppDbContext db) =>
        View(new InviteUser.Model(new InviteUser.Input { Role = nameof(UserRole.SchoolUser) }, await UserForm.ChoicesAsync(db, Aborted)));

    [HttpPost("uitnodigen")]
    public async Task<IActionResult> Invite([Bind(Prefix = "Input")] InviteUser.Input input, [FromServices] IValidator<InviteUser.Input> validator,
        [FromServices] InviteUser.Handler handler, [FromServices] AppDbContext db)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.HandleAsync(input, Aborted) : Result.Invalid(validation);
        if (result.Succeeded)
        {
            TempData["Flash"] = $"De uitnodiging is gestuurd naar {input.Email!.Trim()}.";
            return Redirect("/beheer/gebruikers");
        }

        ModelState.AddErrors(result, "Input");
        return View(new InviteUser.Model(input, await UserForm.ChoicesAsync(db, Aborted, input.RegionIds)));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, [FromServices] EditUser.Handler handler) =>
        await handler.GetAsync(id, Aborted) is { } model ? View(model) : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Input")] EditUser.Input input, [FromServices] IValidator<EditUser.Input> validator,
        [FromServices] EditUser.Handler handler, [FromServices] CurrentUser currentUser)
    {
        if (await handler.WithInputAsync(id, input, Aborted) is not { } model) return NotFound();
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.HandleAsync(id, currentUser.UserId!, input, Aborted) : Result.Invalid(validation);
        if (result.Succeeded)
        {
            TempData["Flash"] = $"De gegevens van {model.User.Email} zijn opgeslagen.";
            return Redirect("/beheer/gebruikers");
        }

        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Conflict)
        {
            // Show what is stored now, so the admin sees the other change before making theirs again.
            ModelState.Clear();
            model = await handler.GetAsync(id, Aborted) ?? model;
        }

        ModelState.AddErrors(result, "Input");
        return View(model);
    }

    [HttpPost("{id}/opnieuw-uitnodigen")]
    public async Task<IActionResult> Resend(string id, [FromServices] ResendInvitation.Handler handler)
    {
        var result = await handler.HandleAsync(id, Aborted);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.Succeeded ? "Er is een nieuwe uitnodiging gestuurd." : result.Message;
        return Redirect($"/beheer/gebruikers/{id}");
    }

    [HttpPost("{id}/tweestapsverificatie-wissen")]
    public async Task<IActionResult> ResetTwoFactor(string id, [FromServices] ResetTwoFactor.Handler handler)
    {
        if ((await handler.HandleAsync(id, Aborted)).Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = "De tweestapsverificatie is gewist. Bij de volgende keer inloggen stelt de gebruiker die opnieuw in.";
        return Redirect($"/beheer/gebruikers/{id}");
    }
}
