using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Features.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// Prints a dashboard as a hand-out: its sections through the documents' renderer (one Razor partial, a tagged PDF
/// with bookmarks), on A4 landscape. Without Chromium, a Dutch page that says why (503), as for every document.
/// </summary>
public sealed class DashboardHandoutPdf(DocumentRenderer renderer)
{
    public async Task<IActionResult> FileAsync(Controller controller, DashboardHandout handout, string fileName, string backUrl)
    {
        var definition = DocumentCatalog.DashboardHandout;
        var rendered = await renderer.RenderAsync(definition, handout, handout.Title, $"Hand-out, gemaakt op {handout.Generated}", isDraft: false);
        try
        {
            var bytes = await renderer.PdfAsync(rendered, definition.Paper, isDraft: false, controller.HttpContext.RequestAborted);
            return controller.File(bytes, "application/pdf", fileName);
        }
        catch (PdfUnavailableException exception)
        {
            controller.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return controller.View("~/Features/Documents/Message.cshtml", new DocumentMessage("PDF niet beschikbaar", exception.Message, backUrl, "Terug naar het dashboard"));
        }
    }
}
