using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>The Vergelijkingsrapport of a board: for that board's users and the partnership's staff.</summary>
[RequireRole(UserRole.BoardUser, UserRole.PartnershipAdmin, UserRole.Consultant)]
public sealed class BoardReportsController(BoardComparison.Handler handler, DocumentRenderer renderer, IPdfRenderer pdf) : Controller
{
    private const string Route = "/bestuur/{bestuur:int}/vergelijkingsrapport/{jaar:regex(^\\d{{4}}-\\d{{4}}$)}";

    [HttpGet(Route)]
    public async Task<IActionResult> Show(int bestuur, string jaar)
    {
        var data = await handler.LoadAsync(bestuur, jaar, HttpContext.RequestAborted);
        if (data is null) return await NotFoundOrForbiddenAsync(bestuur);
        var rendered = await RenderAsync(data);
        return View("~/Features/Documents/Document.cshtml", new DocumentPage(rendered.Title, rendered.ContentHtml,
            $"/bestuur/{bestuur}/vergelijkingsrapport/{jaar}.pdf", pdf.UnavailableReason, "/documenten/bulk", "Documenten downloaden"));
    }

    [HttpGet(Route + ".pdf")]
    public async Task<IActionResult> Pdf(int bestuur, string jaar)
    {
        var data = await handler.LoadAsync(bestuur, jaar, HttpContext.RequestAborted);
        if (data is null) return await NotFoundOrForbiddenAsync(bestuur);
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

    /// <summary>404 for a board that does not exist (or a year without framework), 403 for someone else's board.</summary>
    private async Task<IActionResult> NotFoundOrForbiddenAsync(int boardId)
    {
        var exists = await HttpContext.RequestServices.GetRequiredService<Data.AppDbContext>().Boards.AnyAsync(b => b.Id == boardId, HttpContext.RequestAborted);
        var visible = await (await HttpContext.RequestServices.GetRequiredService<AccessPolicy>().VisibleBoardsAsync(HttpContext.RequestAborted))
            .AnyAsync(b => b.Id == boardId, HttpContext.RequestAborted);
        return exists && !visible ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
    }

    private Task<RenderedDocument> RenderAsync(BoardComparison.Data data) =>
        renderer.RenderAsync(DocumentCatalog.Comparison, data, $"Vergelijkingsrapport {data.BoardName} {data.YearName}", data.BoardName, isDraft: false);
}
