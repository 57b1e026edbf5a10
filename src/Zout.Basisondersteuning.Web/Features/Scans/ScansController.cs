using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Forms;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>The yearly self-scan of one school. Access is decided by [SchoolAccess] before any handler runs.</summary>
[Route("school/{code}/scan")]
public sealed class ScansController(ScanContextLoader loader) : Controller
{
    private const string Year = "{jaar:regex(^\\d{{4}}-\\d{{4}}$)}";

    [HttpGet("")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Current(string code)
    {
        var year = await loader.DefaultYearAsync(HttpContext.RequestAborted);
        return year is null ? View("NoFramework") : Redirect($"/school/{HttpContext.School().LocationCode}/scan/{year}");
    }

    [HttpGet(Year)]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Overview(string code, string jaar, [FromServices] ScanOverview.Handler handler)
    {
        var context = await LoadAsync(jaar, start: true);
        return context is null ? NotFound() : View(await handler.BuildAsync(context, HttpContext.RequestAborted));
    }

    [HttpGet(Year + "/wijzigingen")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Changes(string code, string jaar, [FromServices] ScanChanges.Handler handler)
    {
        var context = await LoadAsync(jaar, start: false);
        return context is null ? NotFound() : View(await handler.BuildAsync(context, HttpContext.RequestAborted));
    }

    [HttpGet(Year + "/historie")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> History(string code, string jaar, [FromServices] ScanHistory.Handler handler)
    {
        var context = await LoadAsync(jaar, start: false);
        return context is null ? NotFound() : View(await handler.BuildAsync(context, HttpContext.RequestAborted));
    }

    [HttpGet(Year + "/sectie/{sectie}")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Section(string code, string jaar, string sectie, [FromQuery(Name = RescuedForms.QueryKey)] string? herstel,
        [FromServices] EditSection.Handler handler, [FromServices] SaveDraft.Handler drafts)
    {
        // The section as stored, usually from memory; a form rescued from an expired session, or a scan not started yet,
        // take the longer way below.
        if (herstel is null && await handler.ShowAsync(HttpContext.School(), jaar, sectie, CurrentUserId, HttpContext.RequestAborted) is { } shown) return View(shown);

        var (context, section) = await LoadSectionAsync(jaar, sectie, start: true);
        if (context is null || section is null) return NotFound();

        SectionInput? pending = null;
        string? notice = null;
        var rescued = await RescuedForms.TakeAsync(HttpContext, herstel, HttpContext.School());
        if (rescued is not null && context.IsEditable)
        {
            pending = SectionInputParser.FromForm(rescued);
            await drafts.HandleAsync(context, section, pending, HttpContext.RequestAborted);
            notice = "Uw sessie was verlopen. Wat u had ingevuld is bewaard: controleer het en klik op Opslaan.";
        }

        return View(await handler.BuildAsync(context, section, pending, notice, HttpContext.RequestAborted));
    }

    [HttpPost(Year + "/sectie/{sectie}")]
    [RescueFormOnExpiredSession<SectionRescue>]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Save(string code, string jaar, string sectie, [Bind(Prefix = "Input")] SectionInput input,
        [FromServices] SaveSection.Handler handler, [FromServices] EditSection.Handler pages)
    {
        var (context, section) = await LoadSectionAsync(jaar, sectie, start: false);
        if (context is null || section is null) return NotFound();

        var result = await handler.HandleAsync(context, section, input, HttpContext.RequestAborted);
        switch (result.Status)
        {
            case ResultStatus.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", new ConflictPage(context, section, result.Value!));
            case ResultStatus.Invalid:
                ModelState.AddErrors(result, "Input");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Section", await pages.BuildAsync(context, section, input, null, HttpContext.RequestAborted));
            default:
                TempData["Flash"] = result.Succeeded ? $"{section.Title} is opgeslagen." : result.Message;
                return Redirect($"{context.BasePath}/sectie/{section.Slug}");
        }
    }

    [HttpPost(Year + "/sectie/{sectie}/ongewijzigd")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> ConfirmUnchanged(string code, string jaar, string sectie, [FromForm] int version, [FromServices] ConfirmUnchanged.Handler handler)
    {
        var (context, section) = await LoadSectionAsync(jaar, sectie, start: false);
        if (context is null || section is null) return NotFound();
        var result = await handler.HandleAsync(context, section, version, HttpContext.RequestAborted);
        TempData["Flash"] = result.Succeeded ? $"{section.Title}: bevestigd dat de situatie ongewijzigd is." : result.Message;
        return Redirect($"{context.BasePath}/sectie/{section.Slug}");
    }

    [HttpPost(Year + "/sectie/{sectie}/concept")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> SaveDraft(string code, string jaar, string sectie, [Bind(Prefix = "Input")] SectionInput input, [FromServices] SaveDraft.Handler handler)
    {
        var (context, section) = await LoadSectionAsync(jaar, sectie, start: false);
        if (context is null || section is null) return NotFound();
        return (await handler.HandleAsync(context, section, input, HttpContext.RequestAborted)).Succeeded ? NoContent() : Conflict();
    }

    [HttpPost(Year + "/sectie/{sectie}/concept-weggooien")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> DiscardDraft(string code, string jaar, string sectie, [FromServices] SaveDraft.Handler handler)
    {
        var (context, section) = await LoadSectionAsync(jaar, sectie, start: false);
        if (context is null || section is null) return NotFound();
        await handler.DiscardAsync(context, section, HttpContext.RequestAborted);
        TempData["Flash"] = "Het concept is weggegooid; u ziet weer de opgeslagen gegevens.";
        return Redirect($"{context.BasePath}/sectie/{section.Slug}");
    }

    [HttpPost(Year + "/indienen")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Submit(string code, string jaar, [FromForm] int version, [FromServices] Submit.Handler handler)
    {
        var context = await LoadAsync(jaar, start: false);
        if (context is null) return NotFound();
        var result = await handler.HandleAsync(context, version, HttpContext.RequestAborted);
        TempData["Flash"] = result.Succeeded ? "De scan is ingediend. De directeur kan de scan nu vaststellen." : result.Message;
        return Redirect(context.BasePath);
    }

    [HttpGet(Year + "/vaststellen")]
    [SchoolAccess(SchoolPermission.Adopt)]
    public async Task<IActionResult> Adopt(string code, string jaar)
    {
        var context = await LoadAsync(jaar, start: false);
        if (context is null) return NotFound();
        return View(new AdoptPage(context, new Adopt.Input { Version = context.Scan?.Version ?? 0 }));
    }

    [HttpPost(Year + "/vaststellen")]
    [SchoolAccess(SchoolPermission.Adopt)]
    public async Task<IActionResult> Adopt(string code, string jaar, [Bind(Prefix = "Input")] Adopt.Input input, [FromServices] IValidator<Adopt.Input> validator, [FromServices] Adopt.Handler handler)
    {
        var context = await LoadAsync(jaar, start: false);
        if (context is null) return NotFound();
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, "Input");
            return View(new AdoptPage(context, input));
        }

        var result = await handler.HandleAsync(context, input, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return View(new AdoptPage(context, input));
        }

        TempData["Flash"] = result.Value is null
            ? "De scan is vastgesteld en het schoolondersteuningsprofiel is gepubliceerd."
            : $"De scan is vastgesteld, maar het publiceren van het schoolondersteuningsprofiel is niet gelukt. {result.Value} U kunt het opnieuw proberen bij Documenten.";
        return Redirect(context.BasePath);
    }

    [HttpGet(Year + "/heropenen")]
    [SchoolAccess(SchoolPermission.Reopen)]
    public async Task<IActionResult> Reopen(string code, string jaar)
    {
        var context = await LoadAsync(jaar, start: false);
        if (context is null) return NotFound();
        return View(new ReopenPage(context, new Reopen.Input { Version = context.Scan?.Version ?? 0 }));
    }

    [HttpPost(Year + "/heropenen")]
    [SchoolAccess(SchoolPermission.Reopen)]
    public async Task<IActionResult> Reopen(string code, string jaar, [Bind(Prefix = "Input")] Reopen.Input input, [FromServices] IValidator<Reopen.Input> validator, [FromServices] Reopen.Handler handler)
    {
        var context = await LoadAsync(jaar, start: false);
        if (context is null) return NotFound();
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, "Input");
            return View(new ReopenPage(context, input));
        }

        var result = await handler.HandleAsync(context, input, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return View(new ReopenPage(context, input));
        }

        TempData["Flash"] = "De scan is heropend en staat weer op concept.";
        return Redirect(context.BasePath);
    }

    [HttpPost(Year + "/openzetten")]
    [SchoolAccess(SchoolPermission.Administer)]
    public async Task<IActionResult> OpenForSchool(string code, string jaar, OpenForSchool.Input input, [FromServices] IValidator<OpenForSchool.Input> validator,
        [FromServices] OpenForSchool.Handler handler)
    {
        var context = await LoadAsync(jaar, start: false);
        if (context is null) return NotFound();
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        var result = validation.IsValid ? await handler.HandleAsync(context, input, HttpContext.RequestAborted) : Result.Invalid(validation);
        TempData["Flash"] = result.Succeeded ? $"De scan van deze school kan worden bewerkt tot en met {input.EditableUntil:d MMMM yyyy}." : result.Message;
        return Redirect(context.BasePath);
    }

    private string? CurrentUserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    /// <summary>The scan's context; tracked only for a request that may change it (every page here changes only by POST).</summary>
    private Task<ScanContext?> LoadAsync(string year, bool start) =>
        loader.LoadAsync(HttpContext.School(), year, start, HttpContext.RequestAborted, forChange: !HttpMethods.IsGet(Request.Method));

    private async Task<(ScanContext?, SectionDefinition?)> LoadSectionAsync(string year, string slug, bool start)
    {
        var context = await LoadAsync(year, start);
        return (context, context is null ? null : ScanLayout.FindBySlug(context.Framework, slug));
    }
}

public sealed record AdoptPage(ScanContext Context, Adopt.Input Input);

public sealed record ReopenPage(ScanContext Context, Reopen.Input Input);
