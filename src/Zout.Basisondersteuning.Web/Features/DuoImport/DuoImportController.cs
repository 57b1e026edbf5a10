using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.DuoImport;

/// <summary>Import of DUO's open data: school locations and pupil counts. Upload, preview, apply.</summary>
[Route("beheer/import")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class DuoImportController : Controller
{
    public sealed record IndexModel(string? LocationsError, string? PupilsError);

    private CancellationToken Aborted => HttpContext.RequestAborted;

    [HttpGet("")]
    public IActionResult Index() => View(new IndexModel(null, null));

    // Above the file limit, so a too large file still gets a Dutch message instead of a bare 413.
    [HttpPost("{soort}")]
    [RequestFormLimits(MultipartBodyLengthLimit = DuoFile.MaxBytes * 2L)]
    [RequestSizeLimit(DuoFile.MaxBytes * 2L)]
    public async Task<IActionResult> Upload(string soort, IFormFile? bestand, [FromServices] DuoImport.Handler handler, [FromServices] CurrentUser currentUser)
    {
        if (DuoImport.KindOf(soort) is not { } kind) return NotFound();
        var user = await currentUser.GetAsync(Aborted);
        var result = await handler.UploadAsync(kind, bestand, user!.Email, Aborted);
        if (result.Succeeded) return Redirect($"/beheer/import/{soort}/{result.Value}");
        ModelState.AddErrors(result);
        return View("Index", kind == ImportKind.SchoolLocations ? new IndexModel(result.Message, null) : new IndexModel(null, result.Message));
    }

    [HttpGet("{soort}/{id}")]
    public async Task<IActionResult> Preview(string soort, string id, [FromServices] DuoImport.Handler handler)
    {
        if (DuoImport.KindOf(soort) is not { } kind) return NotFound();
        return await handler.PreviewAsync(kind, id, Aborted) is { } plan ? View(plan) : NotFound();
    }

    [HttpPost("{soort}/{id}")]
    public async Task<IActionResult> Apply(string soort, string id, bool skipBadRows, [FromServices] DuoImport.Handler handler)
    {
        if (DuoImport.KindOf(soort) is not { } kind) return NotFound();
        var result = await handler.ApplyAsync(kind, id, skipBadRows, Aborted);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = $"De import is verwerkt: {result.Value!.Created} nieuwe scholen, {result.Value.Changed} gewijzigde scholen.";
                return Redirect("/beheer/import");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Refused:
                TempData["Flash"] = result.Message;
                return Redirect("/beheer/import");
            default:
                ModelState.AddErrors(result);
                return View("Preview", await handler.PreviewAsync(kind, id, Aborted));
        }
    }
}
