using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
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
        var result = validation.IsValid ? await handler.HandleAsync(input, Aborted) : Result.Invalid(validation).As<CreateNextYear.Created>();
        if (result.Status == ResultStatus.Invalid)
        {
            ModelState.AddErrors(result);
            return View("Index", await list.HandleAsync(input.Framework, Aborted));
        }

        TempData["Flash"] = result.Succeeded ? $"Schooljaar {result.Value!.YearName} is aangemaakt met {result.Value.Started}. {result.Value.Support}" : result.Message;
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
        var result = validation.IsValid ? await handler.HandleAsync(jaar, input, Aborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"De scanperiode van {model.YearName} is opgeslagen.";
                return Redirect("/beheer/schooljaren");
            case ResultStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddErrors(result, "Input");
                return View(model);
        }
    }

    [HttpPost("{jaar}/sluiten")]
    public async Task<IActionResult> Close(string jaar, CloseYear.Input input, [FromServices] CloseYear.Handler handler)
    {
        if (!(await handler.HandleAsync(jaar, input, Aborted)).Succeeded) return NotFound();
        TempData["Flash"] = input.Close ? $"Schooljaar {jaar} is gesloten." : $"Schooljaar {jaar} is heropend.";
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
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.HandleAsync(jaar, input, Aborted) : Result.Invalid(validation).As<string>();
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Refused:
                return Refused(jaar, result.Message!);
            case ResultStatus.Invalid:
                ModelState.AddErrors(result);
                return await overview.HandleAsync(jaar, input.Framework, Aborted) is { } model ? View("Framework", model) : NotFound();
            default:
                TempData["Flash"] = result.Succeeded ? $"Het kader van {jaar} is klaargezet met {result.Value}. Pas het aan waar nodig." : result.Message;
                return Redirect($"/beheer/schooljaren/{jaar}/kader");
        }
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
            ModelState.AddErrors(validation);
            return View(model);
        }

        var result = await handler.HandleAsync(target, input, Aborted);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"Het kader van {target.Year.Name} is vervangen door het geïmporteerde bestand.";
                return Redirect($"/beheer/schooljaren/{target.Year.Name}/kader");
            case ResultStatus.Refused:
                return Refused(jaar, result.Message!);
            default:
                ModelState.AddErrors(result);
                return View(model with { Problems = result.Value ?? [] });
        }
    }

    [HttpGet("{jaar}/kader/algemeen")]
    public async Task<IActionResult> EditGeneral(string jaar, [FromServices] EditGeneral.Handler handler) =>
        Editor(jaar, await handler.GetAsync(jaar, Aborted), "EditGeneral");

    [HttpPost("{jaar}/kader/algemeen")]
    public async Task<IActionResult> EditGeneral(string jaar, [Bind(Prefix = "Input")] EditGeneral.Input input,
        [FromServices] IValidator<EditGeneral.Input> validator, [FromServices] EditGeneral.Handler handler)
    {
        var page = await handler.WithInputAsync(jaar, input, Aborted);
        if (page is not { Form: { } form, NotEditableReason: null }) return Editor(jaar, page, "EditGeneral");
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.SaveAsync(jaar, input, Aborted) : Result.Invalid(validation);
        return await SavedAsync(jaar, result, "Input", "EditGeneral", form, () => handler.GetAsync(jaar, Aborted),
            "Algemene gegevens", $"/beheer/schooljaren/{jaar}/kader/algemeen");
    }

    [HttpGet("{jaar}/kader/aanbod/{groep}")]
    public async Task<IActionResult> EditOfferingItems(string jaar, string groep, [FromServices] EditList.Handler handler) =>
        Editor(jaar, await handler.GetAsync(jaar, "aanbod", groep, Aborted), "EditList");

    [HttpPost("{jaar}/kader/aanbod/{groep}")]
    public Task<IActionResult> EditOfferingItems(string jaar, string groep, EditList.Input input,
        [FromServices] IValidator<EditList.Input> validator, [FromServices] EditList.Handler handler) =>
        SaveList(jaar, "aanbod", groep, input, validator, handler);

    [HttpGet("{jaar}/kader/{lijst}")]
    public async Task<IActionResult> EditList(string jaar, string lijst, [FromServices] EditList.Handler handler) =>
        Editor(jaar, await handler.GetAsync(jaar, lijst, null, Aborted), "EditList");

    [HttpPost("{jaar}/kader/{lijst}")]
    public Task<IActionResult> EditList(string jaar, string lijst, EditList.Input input,
        [FromServices] IValidator<EditList.Input> validator, [FromServices] EditList.Handler handler) =>
        SaveList(jaar, lijst, null, input, validator, handler);

    private async Task<IActionResult> SaveList(string jaar, string lijst, string? groep, EditList.Input input, IValidator<EditList.Input> validator, EditList.Handler handler)
    {
        var page = await handler.WithInputAsync(jaar, lijst, groep, input, Aborted);
        if (page is not { Form: { } form, NotEditableReason: null }) return Editor(jaar, page, "EditList");
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.SaveAsync(jaar, lijst, groep, input, Aborted) : Result.Invalid(validation);
        return await SavedAsync(jaar, result, "", "EditList", form, () => handler.GetAsync(jaar, lijst, groep, Aborted), form.Editor.Title, form.FormAction);
    }

    /// <summary>An editor's page: not found, no framework yet, the framework is fixed (refused after a post), or the form.</summary>
    private IActionResult Editor<TForm>(string jaar, EditorPage<TForm>? page, string view) where TForm : class
    {
        switch (page)
        {
            case null:
                return NotFound();
            case { Form: null }:
                TempData["Flash"] = "Dit schooljaar heeft nog geen kader. Zet eerst een startkader klaar of importeer een kader.";
                return Redirect($"/beheer/schooljaren/{jaar}/kader");
            case { NotEditableReason: { } reason }:
                return Request.Method == HttpMethods.Post ? Refused(jaar, reason) : View("NotEditable", new NotEditableModel(page.YearName, reason));
            default:
                return View(view, page.Form);
        }
    }

    /// <summary>The one way every editor answers a save: a redirect with a flash, the form with its messages, the current framework after a conflict, or a refusal.</summary>
    private async Task<IActionResult> SavedAsync<TForm>(string jaar, Result result, string prefix, string view, TForm posted,
        Func<Task<EditorPage<TForm>?>> current, string title, string savedUrl) where TForm : class
    {
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"{title}: de wijzigingen zijn opgeslagen.";
                return Redirect(savedUrl);
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Refused:
                return Refused(jaar, result.Message!);
            case ResultStatus.Conflict:
                // Show the framework as it is now, not the stale input.
                ModelState.Clear();
                ModelState.AddErrors(result, prefix);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(view, (await current())?.Form ?? posted);
            default:
                ModelState.AddErrors(result, prefix);
                return View(view, posted);
        }
    }

    private ViewResult Refused(string jaar, string reason)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("NotEditable", new NotEditableModel(jaar, reason));
    }
}
