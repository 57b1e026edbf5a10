using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// Ontwikkelpunten of a school: read by the school, its board and the partnership (ViewInternal),
/// changed by the school's own users (Edit). The scan links to
/// <c>/school/{code}/ontwikkelpunten/nieuw?jaar={jaar}&amp;domein={domainKey}&amp;aspect={aspectKey}</c>.
/// </summary>
[Route("school/{code}/ontwikkelpunten")]
public sealed class DevelopmentPointsController : Controller
{
    private const string SavedMessage = "Het ontwikkelpunt is opgeslagen.";

    private CancellationToken Aborted => HttpContext.RequestAborted;
    private int SchoolId => HttpContext.School().SchoolId;
    private string SchoolCode => HttpContext.School().LocationCode;

    [HttpGet("")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Index(string code, string? jaar, [FromServices] ListDevelopmentPoints.Handler handler)
    {
        var model = await handler.HandleAsync(HttpContext.School(), jaar, Aborted);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("nieuw")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Create(string code, string? jaar, string? domein, string? aspect,
        [FromServices] DevelopmentPointYears.Handler years, [FromServices] CreateDevelopmentPoint.Handler handler)
    {
        var year = await years.FindAsync(jaar, Aborted);
        if (year is null) return NotFound();
        if (year.Year.IsClosed) return Closed(year);

        var input = await handler.PrefillAsync(SchoolId, year, domein, aspect, Aborted);
        return View(new DevelopmentPointForm.Model(SchoolCode, year, null, input));
    }

    [HttpPost("nieuw")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Create(string code, string? jaar, [Bind(Prefix = DevelopmentPointForm.Prefix)] DevelopmentPointForm.Input input,
        [FromServices] DevelopmentPointYears.Handler years, [FromServices] IValidator<DevelopmentPointForm.Input> validator,
        [FromServices] CreateDevelopmentPoint.Handler handler)
    {
        var year = await years.FindAsync(jaar, Aborted);
        if (year is null) return NotFound();
        if (year.Year.IsClosed) return Closed(year);

        var validation = await validator.ValidateAsync(input, year, Aborted);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, DevelopmentPointForm.Prefix);
            return View(new DevelopmentPointForm.Model(SchoolCode, year, null, input));
        }

        await handler.CreateAsync(SchoolId, year, input, Aborted);
        TempData["Flash"] = "Het ontwikkelpunt is toegevoegd.";
        return Redirect(ListUrl(year));
    }

    [HttpGet("{id:int}/bewerken")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Edit(string code, int id, [FromServices] FindDevelopmentPoint.Handler find)
    {
        var found = await find.FindAsync(SchoolId, id, Aborted);
        if (found is null) return NotFound();
        if (found.IsReadOnly) return Closed(found.Year);

        return View(new DevelopmentPointForm.Model(SchoolCode, found.Year, id, found.Point.Values.ToInput(found.Point.Version)));
    }

    [HttpPost("{id:int}/bewerken")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Edit(string code, int id, [Bind(Prefix = DevelopmentPointForm.Prefix)] DevelopmentPointForm.Input input,
        [FromServices] FindDevelopmentPoint.Handler find, [FromServices] IValidator<DevelopmentPointForm.Input> validator,
        [FromServices] EditDevelopmentPoint.Handler handler)
    {
        var found = await find.FindAsync(SchoolId, id, Aborted);
        if (found is null) return NotFound();
        if (found.IsReadOnly) return Closed(found.Year);

        var validation = await validator.ValidateAsync(input, found.Year, Aborted);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, DevelopmentPointForm.Prefix);
            return View(new DevelopmentPointForm.Model(SchoolCode, found.Year, id, input));
        }

        var result = await handler.SaveAsync(SchoolId, id, input.ToValues(), input.Version, Aborted);
        return AfterSave(result, found.Year, input);
    }

    /// <summary>The user chose per field between their value and the stored one; save that against the stored version.</summary>
    [HttpPost("{id:int}/conflict")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> ResolveConflict(string code, int id, ResolveEditConflict.Input input,
        [FromServices] FindDevelopmentPoint.Handler find, [FromServices] IValidator<DevelopmentPointForm.Input> formValidator,
        [FromServices] IValidator<ResolveEditConflict.Input> conflictValidator, [FromServices] EditDevelopmentPoint.Handler handler)
    {
        var found = await find.FindAsync(SchoolId, id, Aborted);
        if (found is null) return NotFound();
        if (found.IsReadOnly) return Closed(found.Year);

        // The user's own values passed validation before the conflict; check again what came back.
        var mineValidation = await formValidator.ValidateAsync(input.Mine, found.Year, Aborted);
        if (!mineValidation.IsValid)
        {
            ModelState.AddErrors(mineValidation, DevelopmentPointForm.Prefix);
            input.Mine.Version = found.Point.Version;
            return View(nameof(Edit), new DevelopmentPointForm.Model(SchoolCode, found.Year, id, input.Mine));
        }

        // Saved again by someone while the user was choosing: choose again against the newest values.
        if (input.Mine.Version != found.Point.Version) return ConflictView(found.Year, found.Point, input.Mine);

        var conflict = ResolveEditConflict.Model.For(SchoolCode, found.Year, found.Point, input.Mine, input.Choices);
        var choiceValidation = await conflictValidator.ValidateAsync(input, conflict.Differences, Aborted);
        if (!choiceValidation.IsValid)
        {
            ModelState.AddErrors(choiceValidation);
            return View("Conflict", conflict);
        }

        var merged = ResolveEditConflict.Merge(input.Mine.ToValues(), found.Point.Values, input.Choices).ToInput(found.Point.Version);
        var mergedValidation = await formValidator.ValidateAsync(merged, found.Year, Aborted);
        if (!mergedValidation.IsValid)
        {
            ModelState.AddErrors(mergedValidation, DevelopmentPointForm.Prefix);
            return View(nameof(Edit), new DevelopmentPointForm.Model(SchoolCode, found.Year, id, merged));
        }

        var result = await handler.SaveAsync(SchoolId, id, merged.ToValues(), merged.Version, Aborted);
        return AfterSave(result, found.Year, merged);
    }

    [HttpGet("{id:int}/verwijderen")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Delete(string code, int id, [FromServices] FindDevelopmentPoint.Handler find)
    {
        var found = await find.FindAsync(SchoolId, id, Aborted);
        if (found is null) return NotFound();
        if (found.IsReadOnly) return Closed(found.Year);

        return View(new DeleteDevelopmentPoint.Model(SchoolCode, found, ChangedMeanwhile: false));
    }

    [HttpPost("{id:int}/verwijderen")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Delete(string code, int id, DeleteDevelopmentPoint.Input input,
        [FromServices] FindDevelopmentPoint.Handler find, [FromServices] DeleteDevelopmentPoint.Handler handler)
    {
        var found = await find.FindAsync(SchoolId, id, Aborted);
        if (found is null) return NotFound();
        if (found.IsReadOnly) return Closed(found.Year);

        switch ((await handler.DeleteAsync(SchoolId, id, input.Version, Aborted)).Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"Het ontwikkelpunt '{found.Point.Values.Title}' is verwijderd.";
                return Redirect(ListUrl(found.Year));
            case ResultStatus.Conflict:
                var current = await find.FindAsync(SchoolId, id, Aborted);
                return current is null ? NotFound() : View(new DeleteDevelopmentPoint.Model(SchoolCode, current, ChangedMeanwhile: true));
            default:
                return NotFound();
        }
    }

    private IActionResult AfterSave(Result<FindDevelopmentPoint.Stored> result, YearFramework year, DevelopmentPointForm.Input mine)
    {
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = SavedMessage;
                return Redirect(ListUrl(year));
            case ResultStatus.Conflict:
                return ConflictView(year, result.Value!, mine);
            default:
                return NotFound();
        }
    }

    private IActionResult ConflictView(YearFramework year, FindDevelopmentPoint.Stored stored, DevelopmentPointForm.Input mine)
    {
        var model = ResolveEditConflict.Model.For(SchoolCode, year, stored, mine);
        if (model.Differences.Count == 0)
        {
            // Someone else saved exactly these values: nothing is lost, nothing to choose.
            TempData["Flash"] = SavedMessage;
            return Redirect(ListUrl(year));
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Conflict", model);
    }

    /// <summary>A closed school year is history: its points are read-only.</summary>
    private ViewResult Closed(YearFramework year)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Closed", new ClosedYearModel(year.Year.Name, ListUrl(year)));
    }

    private string ListUrl(YearFramework year) => $"/school/{SchoolCode}/ontwikkelpunten?jaar={year.Year.Name}";
}

public sealed record ClosedYearModel(string YearName, string ListUrl);
