using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

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
        string? error;
        if (bestand is null || bestand.Length == 0)
        {
            error = bestand is null ? "Kies een bestand om te importeren." : "Het bestand is leeg. Kies het CSV-bestand van DUO.";
        }
        else if (bestand.Length > DuoFile.MaxBytes)
        {
            error = $"Het bestand is te groot (meer dan {DuoFile.MaxBytes / 1024 / 1024} MB). Kies het CSV-bestand van DUO.";
        }
        else
        {
            using var buffer = new MemoryStream();
            await bestand.CopyToAsync(buffer, Aborted);
            var user = await currentUser.GetAsync(Aborted);
            (var id, error) = await handler.UploadAsync(kind, bestand.FileName, buffer.ToArray(), user!.Email, Aborted);
            if (id is not null) return Redirect($"/beheer/import/{soort}/{id}");
        }

        var field = kind == Domain.Administration.ImportKind.SchoolLocations ? "vestigingen" : "leerlingen";
        ModelState.AddModelError(field, error!);
        return View("Index", kind == Domain.Administration.ImportKind.SchoolLocations ? new IndexModel(error, null) : new IndexModel(null, error));
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
        switch (result.Outcome)
        {
            case DuoImport.ApplyOutcome.NotFound:
                return NotFound();
            case DuoImport.ApplyOutcome.Applied:
                TempData["Flash"] = $"De import is verwerkt: {result.Created} nieuwe scholen, {result.Changed} gewijzigde scholen.";
                return Redirect("/beheer/import");
            case DuoImport.ApplyOutcome.AlreadyApplied:
                TempData["Flash"] = "Dit bestand is al verwerkt; er is niets gewijzigd.";
                return Redirect("/beheer/import");
            default:
                var plan = await handler.PreviewAsync(kind, id, Aborted);
                ModelState.AddModelError("skipBadRows", result.Message ?? "Er is niets geïmporteerd: het bestand heeft regels met fouten. Verbeter het bestand en upload het opnieuw, of kies om deze regels over te slaan.");
                return View("Preview", plan);
        }
    }
}
