using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Zout.Basisondersteuning.Web.Data.Seeding;
using Zout.Basisondersteuning.Web.Domain.Documents;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>
/// Stable public links that schools put on their website: /sop/{vestigingscode} (the latest published SOP
/// as a page), /sop/{vestigingscode}.pdf, /sop/{vestigingscode}/{schooljaar}.pdf, and the Ouderrapport.
/// Only published versions: never a draft, never internal data.
/// </summary>
[AllowAnonymous]
public sealed class PublicSopController(PublicSupportProfiles.Handler handler, DemoPublishing demoPublishing) : Controller
{
    private const string Code = "{code:regex(^[[A-Za-z0-9]]{{6}}$)}";
    private const string Year = "{jaar:regex(^\\d{{4}}-\\d{{4}}$)}";

    [HttpGet("/sop/" + Code)]
    public Task<IActionResult> Page(string code) => ShowAsync(code, PublishedDocumentKind.SupportProfile);

    [HttpGet("/sop/" + Code + ".pdf")]
    public Task<IActionResult> Pdf(string code) => PdfAsync(code, null, PublishedDocumentKind.SupportProfile);

    [HttpGet("/sop/" + Code + "/" + Year + ".pdf")]
    public Task<IActionResult> YearPdf(string code, string jaar) => PdfAsync(code, jaar, PublishedDocumentKind.SupportProfile);

    [HttpGet("/sop/" + Code + "/ouderrapport")]
    public Task<IActionResult> ParentReport(string code) => ShowAsync(code, PublishedDocumentKind.ParentReport);

    [HttpGet("/sop/" + Code + "/ouderrapport.pdf")]
    public Task<IActionResult> ParentReportPdf(string code) => PdfAsync(code, null, PublishedDocumentKind.ParentReport);

    private async Task<IActionResult> ShowAsync(string code, PublishedDocumentKind kind)
    {
        var found = await FindAsync(code, kind, null);
        if (found is null) return await NotPublishedAsync(code, null);
        var html = await handler.PageHtmlAsync(found.Id, HttpContext.RequestAborted);
        var pdfUrl = kind == PublishedDocumentKind.SupportProfile ? $"/sop/{found.LocationCode}.pdf" : $"/sop/{found.LocationCode}/ouderrapport.pdf";
        var notice = kind == PublishedDocumentKind.SupportProfile
            ? $"Versie {found.Version}, schooljaar {found.YearName}. Vaste link: /sop/{found.LocationCode}"
            : $"Schooljaar {found.YearName}.";
        return View("~/Features/Documents/Document.cshtml", new DocumentPage(found.Title, html, pdfUrl, null, $"/scholen/{found.LocationCode}", found.SchoolName, notice));
    }

    private async Task<IActionResult> PdfAsync(string code, string? year, PublishedDocumentKind kind)
    {
        var found = await FindAsync(code, kind, year);
        if (found is null) return await NotPublishedAsync(code, year);
        var etag = new EntityTagHeaderValue($"\"{found.Sha256}\"");
        if (Request.Headers.IfNoneMatch.ToString().Contains(found.Sha256, StringComparison.Ordinal)) return StatusCode(StatusCodes.Status304NotModified);
        var bytes = await handler.PdfAsync(found.Id, HttpContext.RequestAborted);
        var name = DocumentFileNames.For(found.LocationCode, found.SchoolName, kind == PublishedDocumentKind.SupportProfile ? "SOP" : "Ouderrapport", found.YearName);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name, FileName = name }.ToString();
        // A year's version never changes; "the latest" may change with a new adoption.
        Response.Headers.CacheControl = year is null ? "public, max-age=300" : "public, max-age=86400";
        return File(bytes, "application/pdf", lastModified: null, entityTag: etag);
    }

    /// <summary>The published document; right after the demo's first start it may still be on its way, so wait for that once.</summary>
    private async Task<PublicSupportProfiles.Found?> FindAsync(string code, PublishedDocumentKind kind, string? year)
    {
        var found = await handler.FindAsync(code, kind, year, HttpContext.RequestAborted);
        if (found is null && demoPublishing.IsRunning && await handler.SchoolNameAsync(code, HttpContext.RequestAborted) is not null)
        {
            await demoPublishing.WaitAsync(TimeSpan.FromSeconds(90), HttpContext.RequestAborted);
            found = await handler.FindAsync(code, kind, year, HttpContext.RequestAborted);
        }

        return found;
    }

    private async Task<IActionResult> NotPublishedAsync(string code, string? year)
    {
        var name = await handler.SchoolNameAsync(code, HttpContext.RequestAborted);
        Response.StatusCode = StatusCodes.Status404NotFound;
        var model = name is null
            ? new DocumentMessage("School niet gevonden", $"Er is geen school met de code {code.ToUpperInvariant()}. Controleer de link, of zoek de school in de lijst van alle scholen.", "/scholen", "Alle scholen")
            : new DocumentMessage("Nog geen schoolondersteuningsprofiel",
                year is null
                    ? $"{name} heeft nog geen gepubliceerd schoolondersteuningsprofiel. Het verschijnt hier zodra de school het heeft vastgesteld."
                    : $"{name} heeft geen gepubliceerd schoolondersteuningsprofiel voor schooljaar {year}.",
                $"/scholen/{code.ToUpperInvariant()}", name);
        return View("~/Features/Documents/Message.cshtml", model);
    }
}
