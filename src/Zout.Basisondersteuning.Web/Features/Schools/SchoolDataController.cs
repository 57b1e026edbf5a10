using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Schools;

/// <summary>The school's own data outside the scan, filled in by the school or the admin: the inspection's latest judgement.</summary>
[Route("school/{code}")]
public sealed class SchoolDataController : Controller
{
    private const string InspectionView = "~/Features/Schools/Inspection.cshtml";

    [HttpGet("inspectie")]
    [SchoolAccess(SchoolPermission.EditSchoolData)]
    public async Task<IActionResult> Inspection(string code, [FromServices] EditInspection.Handler handler) =>
        await handler.GetAsync(HttpContext.School(), HttpContext.RequestAborted) is { } model ? View(InspectionView, model) : NotFound();

    [HttpPost("inspectie")]
    [SchoolAccess(SchoolPermission.EditSchoolData)]
    public async Task<IActionResult> Inspection(string code, [Bind(Prefix = "Input")] EditInspection.Input input, [FromServices] IValidator<EditInspection.Input> validator,
        [FromServices] EditInspection.Handler handler)
    {
        var access = HttpContext.School();
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        var result = validation.IsValid ? await handler.SaveAsync(access, input, HttpContext.RequestAborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = "Het oordeel van de inspectie is opgeslagen. Het staat in het schoolondersteuningsprofiel onder Basiskwaliteit.";
                return Redirect($"/school/{access.LocationCode}");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Conflict when await handler.GetAsync(access, HttpContext.RequestAborted) is { } current:
                // Show the data as it is now, not the stale input.
                ModelState.Clear();
                ModelState.AddErrors(result, "Input");
                return View(InspectionView, current);
            default:
                ModelState.AddErrors(result, "Input");
                return View(InspectionView, new EditInspection.Model(access.School!, input, EditInspection.Handler.Judgements()));
        }
    }
}
