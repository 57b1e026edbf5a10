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
    public async Task<IActionResult> Pdf(int bestuur, string jaar, [FromServices] KeptDocuments kept)
    {
        var board = HttpContext.Board().Board!;
        // Read before the data: a document is never kept under a version newer than what it shows (ADR 074).
        var version = await kept.BoardVersionAsync(DocumentCatalog.Comparison, board.Id, jaar, HttpContext.RequestAborted);
        if (kept.Get(version) is { } unchanged) return File(unchanged.Pdf, "application/pdf", unchanged.FileName);

        var data = await handler.LoadAsync(board, jaar, HttpContext.RequestAborted);
        if (data is null) return NotFound();
        var rendered = await RenderAsync(data);
        try
        {
            var name = DocumentFileNames.For($"bestuur-{bestuur}", data.BoardName, "Vergelijkingsrapport", jaar);
            return File(await kept.PrintAsync(renderer.Request(rendered, PaperSize.A4, isDraft: false), version, name, HttpContext.RequestAborted), "application/pdf", name);
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
