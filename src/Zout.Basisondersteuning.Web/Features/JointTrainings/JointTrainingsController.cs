using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.JointTrainings;

/// <summary>Gezamenlijke scholing: the partnership's staff read the proposals and registrations; the admin proposes one.</summary>
[Route("scholing")]
public sealed class JointTrainingsController(CurrentUser currentUser) : Controller
{
    [HttpGet("")]
    [RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
    public async Task<IActionResult> Index(string? export, string? tabel, [FromServices] JointTrainingDetails.Handler handler)
    {
        var user = await currentUser.GetAsync(HttpContext.RequestAborted);
        return this.PageOrDownload("Index", await handler.ListAsync(user?.IsAdmin == true, HttpContext.RequestAborted), export, tabel);
    }

    [HttpGet("nieuw")]
    [RequireRole(UserRole.PartnershipAdmin)]
    public async Task<IActionResult> Create(string? domein, string? aspect, string? thema, int? regio, int? bestuur, [FromServices] ProposeJointTraining.Handler handler) =>
        View(await handler.PageAsync(new ProposeJointTraining.Input { DomainKey = domein, AspectKey = aspect, Theme = thema, Regio = regio, Bestuur = bestuur },
            preselect: true, HttpContext.RequestAborted));

    [HttpPost("nieuw")]
    [RequireRole(UserRole.PartnershipAdmin)]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] ProposeJointTraining.Input input, [FromServices] IValidator<ProposeJointTraining.Input> validator,
        [FromServices] ProposeJointTraining.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        var result = validation.IsValid && ModelState.IsValid ? await handler.CreateAsync(input, HttpContext.RequestAborted) : Result.Invalid(validation);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input");
            return View(await handler.PageAsync(input, preselect: false, HttpContext.RequestAborted));
        }

        TempData["Flash"] = "De scholing is voorgesteld. De uitgenodigde scholen krijgen er bericht van en kunnen hun belangstelling melden.";
        return Redirect($"/scholing/{result.Id}");
    }

    [HttpGet("{id:int}")]
    [RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
    public async Task<IActionResult> Show(int id, string? export, string? tabel, [FromServices] JointTrainingDetails.Handler handler)
    {
        var model = await handler.FindAsync(id, HttpContext.RequestAborted);
        return model is null ? NotFound() : this.PageOrDownload("Show", model, export, tabel);
    }
}

/// <summary>The joint trainings a school is invited to: read by the school, its board and the partnership; answered by the school's users.</summary>
[Route("school/{code}/scholing")]
public sealed class SchoolTrainingsController(CurrentUser currentUser) : Controller
{
    private const string SchoolView = "~/Features/JointTrainings/School.cshtml";

    [HttpGet("")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Index(string code, [FromServices] RegisterInterest.Handler handler) =>
        View(SchoolView, await handler.PageAsync(HttpContext.School(), null, null, HttpContext.RequestAborted));

    [HttpPost("{id:int}/aanmelden")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Register(string code, int id, [Bind(Prefix = "Form")] RegisterInterest.Input input, [FromServices] IValidator<RegisterInterest.Input> validator,
        [FromServices] RegisterInterest.Handler handler)
    {
        var school = HttpContext.School();
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        var result = validation.IsValid && ModelState.IsValid
            ? await handler.HandleAsync(school, await currentUser.GetAsync(HttpContext.RequestAborted) ?? throw new InvalidOperationException("No user."), id, input, HttpContext.RequestAborted)
            : Result.Invalid(validation);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = input.Interested == true ? "Uw belangstelling is gemeld. Het samenwerkingsverband neemt contact op over de planning." : "Uw antwoord is opgeslagen.";
            return Redirect($"/school/{school.LocationCode}/scholing");
        }

        ModelState.AddErrors(result, "Form");
        if (result.Status is ResultStatus.Conflict or ResultStatus.Refused) Response.StatusCode = StatusCodes.Status409Conflict;
        return View(SchoolView, await handler.PageAsync(school, id, input, HttpContext.RequestAborted));
    }
}
