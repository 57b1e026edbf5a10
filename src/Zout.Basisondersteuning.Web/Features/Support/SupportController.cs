using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>The partnership's own extra support offering per school year: texts and arrangements.</summary>
[Route("beheer/ondersteuning")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class SupportController(AppDbContext db) : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] SupportOverview.Handler handler, [FromServices] TimeProvider time)
    {
        var years = await handler.YearsAsync(Aborted);
        if (years.Count == 0) return View("NoYears");
        var current = SchoolYear.NameFor(SchoolYear.StartYearOf(Infrastructure.DutchTime.Today(time)));
        return Redirect($"/beheer/ondersteuning/{(years.Contains(current) ? current : years[0])}");
    }

    /// <summary>The year's offering; <c>?export=xlsx|csv&amp;tabel=arrangementen</c> downloads the list of arrangements.</summary>
    [HttpGet("{jaar}")]
    public async Task<IActionResult> Year(string jaar, string? export, string? tabel, [FromServices] SupportOverview.Handler handler)
    {
        if (await handler.HandleAsync(jaar, null, Aborted) is not { } model) return NotFound();
        if (export is null) return View(model);
        if (model.Tables.FirstOrDefault(t => t.Id == tabel) is not { } table) return NotFound();
        return export switch
        {
            ReportExport.Csv => File(ReportExport.ToCsv(table), "text/csv; charset=utf-8", $"{model.FileName}.csv"),
            ReportExport.Xlsx => File(ReportExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{model.FileName}.xlsx"),
            _ => NotFound(),
        };
    }

    [HttpPost("{jaar}/teksten")]
    public async Task<IActionResult> Texts(string jaar, [Bind(Prefix = "Texts")] EditSupportTexts.Input input, [FromServices] IValidator<EditSupportTexts.Input> validator,
        [FromServices] EditSupportTexts.Handler handler, [FromServices] SupportOverview.Handler overview)
    {
        if (await YearIdAsync(jaar) is not { } yearId) return NotFound();
        if (await ClosedAsync(yearId, jaar) is { } closed) return closed;
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.HandleAsync(yearId, input, Aborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"De teksten over extra ondersteuning in {jaar} zijn opgeslagen.";
                return Redirect($"/beheer/ondersteuning/{jaar}");
            case ResultStatus.Conflict:
                // Show the texts as they are now, not the stale input.
                ModelState.Clear();
                ModelState.AddErrors(result, "Texts");
                return View("Year", await overview.HandleAsync(jaar, null, Aborted));
            default:
                ModelState.AddErrors(result, "Texts");
                return View("Year", await overview.HandleAsync(jaar, input, Aborted));
        }
    }

    [HttpGet("{jaar}/arrangementen/nieuw")]
    public async Task<IActionResult> NewArrangement(string jaar, [FromServices] EditArrangement.Handler handler) =>
        await YearIdAsync(jaar) is null ? NotFound() : View("Arrangement", await handler.ModelAsync(jaar, null, new EditArrangement.Input(), Aborted));

    [HttpGet("{jaar}/arrangementen/{id:int}")]
    public async Task<IActionResult> Arrangement(string jaar, int id, [FromServices] EditArrangement.Handler handler) =>
        await YearIdAsync(jaar) is { } yearId && await handler.GetAsync(jaar, yearId, id, Aborted) is { } model ? View(model) : NotFound();

    [HttpPost("{jaar}/arrangementen/nieuw")]
    public Task<IActionResult> CreateArrangement(string jaar, [Bind(Prefix = "Input")] EditArrangement.Input input, [FromServices] IValidator<EditArrangement.Input> validator,
        [FromServices] EditArrangement.Handler handler) => SaveArrangement(jaar, null, input, validator, handler);

    [HttpPost("{jaar}/arrangementen/{id:int}")]
    public Task<IActionResult> UpdateArrangement(string jaar, int id, [Bind(Prefix = "Input")] EditArrangement.Input input, [FromServices] IValidator<EditArrangement.Input> validator,
        [FromServices] EditArrangement.Handler handler) => SaveArrangement(jaar, id, input, validator, handler);

    [HttpPost("{jaar}/arrangementen/{id:int}/verwijderen")]
    public async Task<IActionResult> DeleteArrangement(string jaar, int id, [FromServices] EditArrangement.Handler handler)
    {
        if (await YearIdAsync(jaar) is not { } yearId) return NotFound();
        if (await ClosedAsync(yearId, jaar) is { } closed) return closed;
        var result = await handler.DeleteAsync(yearId, id, Aborted);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.Succeeded ? "Het arrangement is verwijderd." : "Het arrangement is niet verwijderd: iemand anders heeft het intussen gewijzigd. Bekijk het en probeer het opnieuw.";
        return Redirect($"/beheer/ondersteuning/{jaar}");
    }

    private async Task<IActionResult> SaveArrangement(string jaar, int? id, EditArrangement.Input input, IValidator<EditArrangement.Input> validator, EditArrangement.Handler handler)
    {
        if (await YearIdAsync(jaar) is not { } yearId) return NotFound();
        if (await ClosedAsync(yearId, jaar) is { } closed) return closed;
        if (id is { } existing && await handler.GetAsync(jaar, yearId, existing, Aborted) is null) return NotFound();
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.SaveAsync(yearId, id, input, Aborted) : Result.Invalid(validation);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"Arrangement {input.Name!.Trim()} is opgeslagen.";
                return Redirect($"/beheer/ondersteuning/{jaar}");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Conflict when id is { } arrangementId && await handler.GetAsync(jaar, yearId, arrangementId, Aborted) is { } current:
                // Show the arrangement as it is now, not the stale input.
                ModelState.Clear();
                ModelState.AddErrors(result, "Input");
                return View("Arrangement", current);
            default:
                ModelState.AddErrors(result, "Input");
                return View("Arrangement", await handler.ModelAsync(jaar, id, input, Aborted));
        }
    }

    /// <summary>A closed school year is history: its offering no longer changes.</summary>
    private async Task<IActionResult?> ClosedAsync(int yearId, string yearName)
    {
        if (!await db.SchoolYears.AnyAsync(y => y.Id == yearId && y.IsClosed, Aborted)) return null;
        TempData["Flash"] = $"Schooljaar {yearName} is gesloten; de extra ondersteuning van dat jaar verandert niet meer. Er is niets opgeslagen.";
        return Redirect($"/beheer/ondersteuning/{yearName}");
    }

    private async Task<int?> YearIdAsync(string yearName) =>
        SchoolYear.TryParseName(yearName, out var start)
            ? await db.SchoolYears.Where(y => y.StartYear == start).Select(y => (int?)y.Id).SingleOrDefaultAsync(Aborted)
            : null;
}

/// <summary>The public page about the partnership's extra support: no login.</summary>
[AllowAnonymous]
public sealed class PublicSupportController : Controller
{
    [HttpGet("/ondersteuning")]
    public async Task<IActionResult> Index(PublicSupport.Query query, [FromServices] PublicSupport.Handler handler) =>
        View("~/Features/Support/Public.cshtml", await handler.HandleAsync(query, HttpContext.RequestAborted));
}
