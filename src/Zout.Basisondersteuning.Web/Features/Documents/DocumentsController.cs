using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>
/// A school's documents: the SOP (draft at any time, marked CONCEPT until adopted), the conversation
/// reports, and the published versions. For the school, its board and the partnership ([SchoolAccess]).
/// </summary>
[Route("school/{code}/documenten")]
public sealed class DocumentsController(DocumentDataLoader loader, DocumentRenderer renderer, IPdfRenderer pdf) : Controller
{
    private const string Year = "{jaar:regex(^\\d{{4}}-\\d{{4}}$)}";
    private const string Kind = "{soort:regex(^[[a-z]]+$)}";

    [HttpGet("")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Index(string code, [FromQuery] string? jaar, [FromServices] ScanContextLoader scans, [FromServices] SchoolDocuments.Handler handler)
    {
        var year = jaar ?? await scans.DefaultYearAsync(HttpContext.RequestAborted);
        if (year is null) return NotFound();
        var page = await handler.BuildAsync(HttpContext.School(), year, HttpContext.RequestAborted);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet(Year + "/" + Kind)]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Show(string code, string jaar, string soort)
    {
        var definition = DocumentCatalog.BySlug(soort);
        if (definition is null) return NotFound();
        var data = await loader.LoadAsync(HttpContext.School().SchoolId, jaar, HttpContext.RequestAborted);
        if (data is null) return NotFound();
        var rendered = await RenderAsync(definition, data);
        var basePath = $"/school/{data.School.LocationCode}/documenten";
        return View("Document", new DocumentPage(rendered.Title, rendered.ContentHtml, $"{basePath}/{jaar}/{definition.Slug}.pdf", pdf.UnavailableReason,
            $"{basePath}?jaar={jaar}", "Alle documenten van de school"));
    }

    [HttpGet(Year + "/{soort:regex(^[[a-z]]+$)}.pdf")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Pdf(string code, string jaar, string soort, [FromServices] KeptDocuments kept)
    {
        var definition = DocumentCatalog.BySlug(soort);
        if (definition is null) return NotFound();
        var schoolId = HttpContext.School().SchoolId;
        // Read before the data: a document is never kept under a version newer than what it shows (ADR 074).
        var version = await kept.VersionAsync(definition, schoolId, jaar, HttpContext.RequestAborted);
        if (kept.Get(version) is { } unchanged) return File(unchanged.Pdf, "application/pdf", unchanged.FileName);

        var data = await loader.LoadAsync(schoolId, jaar, HttpContext.RequestAborted);
        if (data is null) return NotFound();
        var isDraft = IsDraft(data);
        var rendered = await RenderAsync(definition, data);
        var back = $"/school/{data.School.LocationCode}/documenten?jaar={jaar}";
        try
        {
            var name = DocumentFileNames.For(data.School.LocationCode, data.School.Name, definition.ShortName + (isDraft ? "-CONCEPT" : ""), jaar);
            return File(await kept.PrintAsync(renderer.Request(rendered, definition.Paper, isDraft), version, name, HttpContext.RequestAborted), "application/pdf", name);
        }
        catch (PdfUnavailableException exception)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("Message", new DocumentMessage("PDF niet beschikbaar", exception.Message, back, "Terug naar de documenten"));
        }
    }

    [HttpGet("versie/{id:int}.pdf")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Version(string code, int id, [FromServices] AppDbContext db)
    {
        var schoolId = HttpContext.School().SchoolId;
        var document = await db.PublishedDocuments.AsNoTracking()
            .Where(d => d.Id == id && d.SchoolId == schoolId)
            .Select(d => new { d.Pdf, d.Sha256, d.Kind, d.Version, Year = d.SchoolYear.Name, d.School.LocationCode, d.School.Name })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (document is null) return NotFound();
        var kind = document.Kind == Domain.Documents.PublishedDocumentKind.SupportProfile ? "SOP" : "Ouderrapport";
        return File(document.Pdf, "application/pdf", DocumentFileNames.For(document.LocationCode, document.Name, $"{kind}-versie-{document.Version}", document.Year));
    }

    [HttpPost(Year + "/publiceren")]
    [SchoolAccess(SchoolPermission.Publish)]
    public async Task<IActionResult> Publish(string code, string jaar, [FromServices] AppDbContext db, [FromServices] ISupportProfilePublisher publisher)
    {
        var school = HttpContext.School();
        var scanId = await db.Scans.Where(s => s.SchoolId == school.SchoolId && s.SchoolYear.Name == jaar && s.Status == ScanStatus.Adopted)
            .Select(s => (int?)s.Id).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (scanId is null) return NotFound();
        var result = await publisher.PublishAsync(scanId.Value, User.Identity?.Name ?? "onbekend", HttpContext.RequestAborted);
        TempData["Flash"] = result.Succeeded ? "Het schoolondersteuningsprofiel is gepubliceerd." : $"Publiceren is niet gelukt. {result.Message}";
        return Redirect($"/school/{school.LocationCode}/documenten?jaar={jaar}");
    }

    private static bool IsDraft(SchoolDocumentData data) => data.Status != ScanStatus.Adopted;

    private Task<RenderedDocument> RenderAsync(DocumentDefinition definition, SchoolDocumentData data) =>
        renderer.RenderAsync(definition, data, $"{definition.Title} {data.School.Name} {data.Year.Name}", data.School.Name, IsDraft(data));
}
