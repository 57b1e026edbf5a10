using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>The Vergelijkingsrapport of a board: for that board's users and the partnership's staff ([BoardAccess]).</summary>
[BoardAccess(BoardPermission.ViewInternal)]
public sealed class BoardReportsController(BoardComparison.Handler handler, DocumentRenderer renderer, IPdfRenderer pdf) : Controller
{
    private const string Route = "/bestuur/{bestuur:int}/vergelijkingsrapport/{jaar:regex(^\\d{{4}}-\\d{{4}}$)}";

    [HttpGet(Route)]
    public async Task<IActionResult> Show(int bestuur, string jaar)
    {
        var data = await handler.LoadAsync(HttpContext.Board().Board!, jaar, HttpContext.RequestAborted);
        if (data is null) return NotFound();
        var rendered = await RenderAsync(data);
        return View("~/Features/Documents/Document.cshtml", new DocumentPage(rendered.Title, rendered.ContentHtml,
            $"/bestuur/{bestuur}/vergelijkingsrapport/{jaar}.pdf", pdf.UnavailableReason, "/documenten/bulk", "Documenten downloaden"));
    }

    [HttpGet(Route + ".pdf")]
    public async Task<IActionResult> Pdf(int bestuur, string jaar)
    {
        var data = await handler.LoadAsync(HttpContext.Board().Board!, jaar, HttpContext.RequestAborted);
        if (data is null) return NotFound();
        var rendered = await RenderAsync(data);
        try
        {
            var bytes = await renderer.PdfAsync(rendered, PaperSize.A4, isDraft: false, HttpContext.RequestAborted);
            return File(bytes, "application/pdf", DocumentFileNames.For($"bestuur-{bestuur}", data.BoardName, "Vergelijkingsrapport", jaar));
        }
        catch (PdfUnavailableException exception)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("~/Features/Documents/Message.cshtml", new DocumentMessage("PDF niet beschikbaar", exception.Message, $"/bestuur/{bestuur}/vergelijkingsrapport/{jaar}", "Terug naar het rapport"));
        }
    }

    private Task<RenderedDocument> RenderAsync(BoardComparison.Data data) =>
        renderer.RenderAsync(DocumentCatalog.Comparison, data, $"Vergelijkingsrapport {data.BoardName} {data.YearName}", data.BoardName, isDraft: false);
}
