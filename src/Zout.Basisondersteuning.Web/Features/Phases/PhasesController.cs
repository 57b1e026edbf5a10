using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Phases;

/// <summary>A school's implementation phase and its history; the consultant sets the later phases (Consult).</summary>
[Route("school/{code}/fase")]
public sealed class PhasesController(CurrentUser currentUser, TimeProvider time) : Controller
{
    [HttpGet("")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Index(string code, [FromServices] SetPhase.Handler handler) =>
        View(await handler.PageAsync(HttpContext.School(), new SetPhase.Input { Date = Conversations.ConversationForm.Iso(Infrastructure.DutchTime.Today(time)) }, HttpContext.RequestAborted));

    [HttpPost("")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> Set(string code, [Bind(Prefix = "Input")] SetPhase.Input input, [FromServices] IValidator<SetPhase.Input> validator, [FromServices] SetPhase.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, "Input");
            return View("Index", await handler.PageAsync(HttpContext.School(), input, HttpContext.RequestAborted));
        }

        var user = await currentUser.GetAsync(HttpContext.RequestAborted) ?? throw new InvalidOperationException("No user.");
        await handler.SetAsync(HttpContext.School(), user, input, HttpContext.RequestAborted);
        TempData["Flash"] = $"De fase is vastgelegd: {input.Phase!.Value.ToDutch().ToLowerInvariant()}.";
        return Redirect($"/school/{HttpContext.School().LocationCode}");
    }
}
