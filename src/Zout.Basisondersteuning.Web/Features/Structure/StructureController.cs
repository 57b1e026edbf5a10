using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Structure;

/// <summary>Regions, boards and schools: the partnership admin's master data.</summary>
[Route("beheer/structuur")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class StructureController : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] StructureLists.Handler handler) => View(await handler.HandleAsync(Aborted));

    [HttpGet("regios/nieuw")]
    public IActionResult NewRegion() => View("Region", new EditRegion.Model(null, new EditRegion.Input(), 0));

    [HttpGet("regios/{id:int}")]
    public async Task<IActionResult> Region(int id, [FromServices] EditRegion.Handler handler) =>
        await handler.GetAsync(id, Aborted) is { } model ? View(model) : NotFound();

    [HttpPost("regios/nieuw")]
    public Task<IActionResult> CreateRegion([Bind(Prefix = "Input")] EditRegion.Input input, [FromServices] IValidator<EditRegion.Input> validator,
        [FromServices] EditRegion.Handler handler) => SaveRegion(null, input, validator, handler);

    [HttpPost("regios/{id:int}")]
    public async Task<IActionResult> UpdateRegion(int id, [Bind(Prefix = "Input")] EditRegion.Input input, [FromServices] IValidator<EditRegion.Input> validator,
        [FromServices] EditRegion.Handler handler) =>
        await handler.GetAsync(id, Aborted) is null ? NotFound() : await SaveRegion(id, input, validator, handler);

    private async Task<IActionResult> SaveRegion(int? id, EditRegion.Input input, IValidator<EditRegion.Input> validator, EditRegion.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.SaveAsync(id, input, Aborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"Regio {input.Name!.Trim()} is opgeslagen.";
                return Redirect("/beheer/structuur#regios");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Conflict when id is { } existing && await handler.GetAsync(existing, Aborted) is { } current:
                // Show the current data, so the admin sees what the other person saved; the posted values would hide it.
                ModelState.Clear();
                ModelState.AddErrors(result, "Input");
                return View("Region", current);
            default:
                ModelState.AddErrors(result, "Input");
                return View("Region", new EditRegion.Model(id, input, 0));
        }
    }

    [HttpGet("besturen/nieuw")]
    public IActionResult NewBoard() => View("Board", new EditBoard.Model(null, new EditBoard.Input(), 0));

    [HttpGet("besturen/{id:int}")]
    public async Task<IActionResult> Board(int id, [FromServices] EditBoard.Handler handler) =>
        await handler.GetAsync(id, Aborted) is { } model ? View(model) : NotFound();

    [HttpPost("besturen/nieuw")]
    public Task<IActionResult> CreateBoard([Bind(Prefix = "Input")] EditBoard.Input input, [FromServices] IValidator<EditBoard.Input> validator,
        [FromServices] EditBoard.Handler handler) => SaveBoard(null, input, validator, handler);

    [HttpPost("besturen/{id:int}")]
    public async Task<IActionResult> UpdateBoard(int id, [Bind(Prefix = "Input")] EditBoard.Input input, [FromServices] IValidator<EditBoard.Input> validator,
        [FromServices] EditBoard.Handler handler) =>
        await handler.GetAsync(id, Aborted) is null ? NotFound() : await SaveBoard(id, input, validator, handler);

    private async Task<IActionResult> SaveBoard(int? id, EditBoard.Input input, IValidator<EditBoard.Input> validator, EditBoard.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.SaveAsync(id, input, Aborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"Bestuur {input.Name!.Trim()} is opgeslagen.";
                return Redirect("/beheer/structuur#besturen");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Conflict when id is { } existing && await handler.GetAsync(existing, Aborted) is { } current:
                // Show the current data, so the admin sees what the other person saved; the posted values would hide it.
                ModelState.Clear();
                ModelState.AddErrors(result, "Input");
                return View("Board", current);
            default:
                ModelState.AddErrors(result, "Input");
                return View("Board", new EditBoard.Model(id, input, 0));
        }
    }

    [HttpGet("scholen/nieuw")]
    public async Task<IActionResult> NewSchool([FromServices] EditSchool.Handler handler) => View("School", await handler.ModelAsync(null, new EditSchool.Input(), Aborted));

    [HttpGet("scholen/{id:int}")]
    public async Task<IActionResult> School(int id, [FromServices] EditSchool.Handler handler) =>
        await handler.GetAsync(id, Aborted) is { } model ? View(model) : NotFound();

    [HttpPost("scholen/nieuw")]
    public Task<IActionResult> CreateSchool([Bind(Prefix = "Input")] EditSchool.Input input, [FromServices] IValidator<EditSchool.Input> validator,
        [FromServices] EditSchool.Handler handler) => SaveSchool(null, input, validator, handler);

    [HttpPost("scholen/{id:int}")]
    public async Task<IActionResult> UpdateSchool(int id, [Bind(Prefix = "Input")] EditSchool.Input input, [FromServices] IValidator<EditSchool.Input> validator,
        [FromServices] EditSchool.Handler handler) =>
        await handler.GetAsync(id, Aborted) is null ? NotFound() : await SaveSchool(id, input, validator, handler);

    private async Task<IActionResult> SaveSchool(int? id, EditSchool.Input input, IValidator<EditSchool.Input> validator, EditSchool.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.SaveAsync(id, input, Aborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"School {input.Name!.Trim()} is opgeslagen.";
                return Redirect("/beheer/structuur#scholen");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Conflict when id is { } existing && await handler.GetAsync(existing, Aborted) is { } current:
                // Show the current data, so the admin sees what the other person saved; the posted values would hide it.
                ModelState.Clear();
                ModelState.AddErrors(result, "Input");
                return View("School", current);
            default:
                ModelState.AddErrors(result, "Input");
                return View("School", await handler.ModelAsync(id, input, Aborted));
        }
    }
}
