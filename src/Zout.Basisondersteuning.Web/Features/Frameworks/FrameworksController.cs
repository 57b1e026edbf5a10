using Zout.Basisondersteuning.Web.Data;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>School years and their scan framework: the partnership admin's part of the yearly cycle.</summary>
[Route("beheer/schooljaren")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class FrameworksController : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] SchoolYearList.Handler handler) => View(await handler.HandleAsync(Aborted));

    [HttpPost("nieuw")]
    public async Task<IActionResult> Create(CreateNextYear.Input input, [FromServices] IValidator<CreateNextYear.Input> validator, [FromServices] CreateNextYear.Handler handler,
        [FromServices] SchoolYearList.Handler list)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        // A bad year is a stale or forged form; a bad choice of framework is shown next to the choice.
        if (validation.Errors.Any(e => e.PropertyName == nameof(input.StartYear))) return BadRequest();
        var result = validation.IsValid ? await handler.HandleAsync(input, Aborted) : null;
        if (result is null or { Outcome: CreateNextYear.Outcome.NothingToCopy })
        {
            ModelState.AddModelError(FrameworkStart.FieldName, result is null ? FrameworkStart.UnknownChoice : FrameworkStart.NothingToCopy);
            return View("Index", await list.HandleAsync(input.Framework, Aborted));
        }

        TempData["Flash"] = result.Outcome switch
        {
            CreateNextYear.Outcome.Created => $"Schooljaar {result.YearName} is aangemaakt met {FrameworkStart.Describe(result.Framework, result.CopiedFrom)}.",
            CreateNextYear.Outcome.AlreadyExists => $"Schooljaar {result.YearName} bestaat al; er is niets aangemaakt.",
            _ => $"Er is niets aangemaakt: het volgende schooljaar is {result.YearName}. Kies opnieuw.",
        };
        return Redirect("/beheer/schooljaren");
    }

    [HttpGet("{jaar}/scanperiode")]
    public async Task<IActionResult> ScanWindow(string jaar, [FromServices] ScanWindow.Handler handler) =>
        await handler.GetAsync(jaar, Aborted) is { } model ? View(model) : NotFound();

    [HttpPost("{jaar}/scanperiode")]
    public async Task<IActionResult> ScanWindow(string jaar, [Bind(Prefix = "Input")] ScanWindow.Input input,
        [FromServices] IValidator<ScanWindow.Input> validator, [FromServices] ScanWindow.Handler handler)
    {
        if (await handler.WithInputAsync(jaar, input, Aborted) is not { } model) return NotFound();
        var validation = await validator.ValidateAsync(input, Aborted);
        if (validation.IsValid)
        {
            var errors = await handler.HandleAsync(jaar, input, Aborted);
            if (errors.Count == 0)
            {
                TempData["Flash"] = $"De scanperiode van {model.YearName} is opgeslagen.";
                return Redirect("/beheer/schooljaren");
            }

            foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        }
        else
        {
            validation.AddTo(ModelState, "Input");
        }

        return View(model);
    }

    [HttpPost("{jaar}/sluiten")]
    public async Task<IActionResult> Close(string jaar, CloseYear.Input input, [FromServices] CloseYear.Handler handler)
    {
        if (await handler.HandleAsync(jaar, input, Aborted) is not { } name) return NotFound();
        TempData["Flash"] = input.Close ? $"Schooljaar {name} is gesloten." : $"Schooljaar {name} is heropend.";
        return Redirect("/beheer/schooljaren");
    }

    [HttpGet("{jaar}/kader")]
    public async Task<IActionResult> Framework(string jaar, [FromServices] FrameworkOverview.Handler handler) =>
        await handler.HandleAsync(jaar, Aborted) is { } model ? View(model) : NotFound();

    [HttpGet("{jaar}/kader.json")]
    public async Task<IActionResult> Export(string jaar, [FromServices] FrameworkStore store)
    {
        if (await store.ForYearAsync(jaar, Aborted) is not { } framework) return NotFound();
        return File(Encoding.UTF8.GetBytes(framework.Definition.ToJson()), "application/json", $"kader-{framework.Year.Name}.json");
    }

    [HttpPost("{jaar}/kader/standaard")]
    public async Task<IActionResult> StartFramework(string jaar, StartFramework.Input input, [FromServices] IValidator<StartFramework.Input> validator,
        [FromServices] StartFramework.Handler handler, [FromServices] FrameworkOverview.Handler overview)
    {
        var valid = (await validator.ValidateAsync(input, Aborted)).IsValid;
        var result = valid ? await handler.HandleAsync(jaar, input, Aborted) : null;
        if (result?.Status == EditStatus.NotFound) return NotFound();
        if (result?.Status == EditStatus.NotEditable) return Refused(jaar, result.NotEditableReason!);
        if (result is not null && !result.NothingToCopy)
        {
            TempData["Flash"] = result.Status == EditStatus.Saved ? $"Het kader van {jaar} is klaargezet met {result.Started}. Pas het aan waar nodig." : "Dit schooljaar heeft al een kader.";
            return Redirect($"/beheer/schooljaren/{jaar}/kader");
        }

        ModelState.AddModelError(FrameworkStart.FieldName, result is null ? FrameworkStart.UnknownChoice : FrameworkStart.NothingToCopy);
        return await overview.HandleAsync(jaar, input.Framework, Aborted) is { } model ? View("Framework", model) : NotFound();
    }

    [HttpGet("{jaar}/kader/importeren")]
    public async Task<IActionResult> Import(string jaar, [FromServices] ImportFramework.Handler handler)
    {
        if (await handler.LoadAsync(jaar, Aborted) is not { } target) return NotFound();
        if (target.NotEditableReason is { } reason) return View("NotEditable", new NotEditableModel(target.Year.Name, reason));
        return View(new ImportFramework.Model(target.Year.Name, target.Definition is not null, []));
    }

    [HttpPost("{jaar}/kader/importeren")]
    [RequestSizeLimit(2 * ImportFramework.MaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 2 * ImportFramework.MaxBytes)]
    public async Task<IActionResult> Import(string jaar, ImportFramework.Input input,
        [FromServices] IValidator<ImportFramework.Input> validator, [FromServices] ImportFramework.Handler handler)
    {
        if (await handler.LoadAsync(jaar, Aborted) is not { } target) return NotFound();
        if (target.NotEditableReason is { } reason) return Refused(jaar, reason);
        var model = new ImportFramework.Model(target.Year.Name, target.Definition is not null, []);
        var validation = await validator.ValidateAsync(input, Aborted);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return View(model);
        }

        var result = await handler.HandleAsync(target, input, Aborted);
        switch (result.Status)
        {
            case EditStatus.Saved:
                TempData["Flash"] = $"Het kader van {target.Year.Name} is vervangen door het geïmporteerde bestand.";
                return Redirect($"/beheer/schooljaren/{target.Year.Name}/kader");
            case EditStatus.NotEditable:
                return Refused(jaar, target.NotEditableReason!);
            case EditStatus.Conflict:
                ModelState.AddModelError("", FrameworkEditing.ConflictMessage);
                return View(model);
            default:
                var count = result.Problems.Count;
                ModelState.AddModelError(nameof(input.File),
                    $"Het bestand is niet geïmporteerd: {(count == 1 ? "er is 1 probleem" : $"er zijn {count} problemen")}. Het huidige kader is ongewijzigd.");
                return View(model with { Problems = result.Problems });
        }
    }

    [HttpGet("{jaar}/kader/algemeen")]
    public async Task<IActionResult> EditGeneral(string jaar, [FromServices] EditGeneral.Handler handler) =>
        Show(jaar, await handler.GetAsync(jaar, Aborted));

    [HttpPost("{jaar}/kader/algemeen")]
    public async Task<IActionResult> EditGeneral(string jaar, [Bind(Prefix = "Input")] EditGeneral.Input input,
        [FromServices] IValidator<EditGeneral.Input> validator, [FromServices] EditGeneral.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        if (validation.IsValid) return Show(jaar, await handler.SaveAsync(jaar, input, Aborted), "Algemene gegevens");
        validation.AddTo(ModelState, "Input");
        return Show(jaar, await handler.WithInputAsync(jaar, input, Aborted));
    }

    [HttpGet("{jaar}/kader/aanbod/{groep}")]
    public async Task<IActionResult> EditOfferingItems(string jaar, string groep, [FromServices] EditList.Handler handler) =>
        Show(jaar, await handler.GetAsync(jaar, "aanbod", groep, Aborted));

    [HttpPost("{jaar}/kader/aanbod/{groep}")]
    public Task<IActionResult> EditOfferingItems(string jaar, string groep, EditList.Input input,
        [FromServices] IValidator<EditList.Input> validator, [FromServices] EditList.Handler handler) =>
        SaveList(jaar, "aanbod", groep, input, validator, handler);

    [HttpGet("{jaar}/kader/{lijst}")]
    public async Task<IActionResult> EditList(string jaar, string lijst, [FromServices] EditList.Handler handler) =>
        Show(jaar, await handler.GetAsync(jaar, lijst, null, Aborted));

    [HttpPost("{jaar}/kader/{lijst}")]
    public Task<IActionResult> EditList(string jaar, string lijst, EditList.Input input,
        [FromServices] IValidator<EditList.Input> validator, [FromServices] EditList.Handler handler) =>
        SaveList(jaar, lijst, null, input, validator, handler);

    private async Task<IActionResult> SaveList(string jaar, string lijst, string? groep, EditList.Input input, IValidator<EditList.Input> validator, EditList.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        if (validation.IsValid) return Show(jaar, await handler.SaveAsync(jaar, lijst, groep, input, Aborted));
        validation.AddTo(ModelState);
        return Show(jaar, await handler.WithInputAsync(jaar, lijst, groep, input, Aborted));
    }

    private IActionResult Show(string jaar, EditList.Outcome outcome) =>
        Show(jaar, outcome.Status, outcome.Errors, outcome.NotEditable, () => View("EditList", outcome.Model), outcome.Model?.Editor.Title, outcome.Model?.FormAction);

    private IActionResult Show(string jaar, EditGeneral.Outcome outcome, string? saved = null) =>
        Show(jaar, outcome.Status, outcome.Errors?.Select(e => (e.Field.Length == 0 ? "" : $"Input.{e.Field}", e.Message)).ToList(),
            outcome.NotEditable, () => View("EditGeneral", outcome.Model), saved, $"/beheer/schooljaren/{jaar}/kader/algemeen");

    /// <summary>The one way every editor answers: the form, a refusal, or a redirect with a flash after a save.</summary>
    private IActionResult Show(string jaar, EditStatus status, IReadOnlyList<(string Key, string Message)>? errors, NotEditableModel? notEditable,
        Func<IActionResult> form, string? title, string? savedUrl)
    {
        switch (status)
        {
            case EditStatus.NotFound:
                return NotFound();
            case EditStatus.NoFramework:
                TempData["Flash"] = "Dit schooljaar heeft nog geen kader. Zet eerst een startkader klaar of importeer een kader.";
                return Redirect($"/beheer/schooljaren/{jaar}/kader");
            case EditStatus.NotEditable:
                return Request.Method == HttpMethods.Post ? Refused(jaar, notEditable!.Reason) : View("NotEditable", notEditable);
            case EditStatus.Saved:
                TempData["Flash"] = $"{title ?? "Het kader"}: de wijzigingen zijn opgeslagen.";
                return Redirect(savedUrl ?? $"/beheer/schooljaren/{jaar}/kader");
            case EditStatus.Conflict:
                // Show the framework as it is now, not the stale input.
                ModelState.Clear();
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        foreach (var (key, message) in errors ?? []) ModelState.AddModelError(key, message);
        return form();
    }

    private ViewResult Refused(string jaar, string reason)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("NotEditable", new NotEditableModel(jaar, reason));
    }
}
