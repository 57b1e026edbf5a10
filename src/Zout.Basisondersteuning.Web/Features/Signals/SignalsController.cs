using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Features.Conversations;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Signals;

/// <summary>"Oren en ogen": the partnership's staff record and read signals, for the schools they may see.</summary>
[Route("signalen")]
[RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
public sealed class SignalsController(CurrentUser currentUser, TimeProvider time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? export, string? tabel, [FromServices] ListSignals.Handler handler) =>
        this.PageOrDownload("Index", await handler.HandleAsync(HttpContext.RequestAborted), export, tabel);

    [HttpGet("nieuw")]
    public async Task<IActionResult> Create(string? school, string? domein, string? aspect, [FromServices] RecordSignal.Handler handler)
    {
        var input = new RecordSignal.Input { Date = ConversationForm.Iso(time.Today()), DomainKey = domein, AspectKey = aspect, Schools = school is null ? [] : [school] };
        return View(await handler.PageAsync(input, HttpContext.RequestAborted));
    }

    [HttpPost("nieuw")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] RecordSignal.Input input, [FromServices] IValidator<RecordSignal.Input> validator, [FromServices] RecordSignal.Handler handler)
    {
        var page = await handler.PageAsync(input, HttpContext.RequestAborted);
        var validation = await validator.ValidateAsync(input, page.Year, HttpContext.RequestAborted);
        var result = validation.IsValid && ModelState.IsValid
            ? await handler.CreateAsync(await currentUser.GetAsync(HttpContext.RequestAborted) ?? throw new InvalidOperationException("No user."), input, HttpContext.RequestAborted)
            : Result.Invalid(validation);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input");
            return View(page);
        }

        TempData["Flash"] = "Het signaal is vastgelegd. Het telt mee in de behoeften op het dashboard van het samenwerkingsverband.";
        return Redirect("/signalen");
    }
}
