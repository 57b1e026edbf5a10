using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Features.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// Prints a dashboard as a hand-out: its sections through the documents' renderer (one Razor partial, a tagged PDF
/// with bookmarks), on A4 landscape, kept by the version of everything a dashboard reads (ADR 074). Without Chromium,
/// a Dutch page that says why (503), as for every document.
/// </summary>
public sealed class DashboardHandoutPdf(DocumentRenderer renderer, KeptDocuments kept)
{
    /// <summary>
    /// The version of the hand-out of the current request's page (<see cref="KeptDocuments.HandoutVersionAsync"/>): to
    /// be asked before the dashboard's data is read.
    /// </summary>
    public Task<string> VersionAsync(Controller controller) =>
        kept.HandoutVersionAsync(controller.Request.Path + controller.Request.QueryString,
            controller.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", controller.HttpContext.RequestAborted);

    /// <summary>The hand-out kept under <paramref name="version"/>, without building the dashboard; null when there is none.</summary>
    public IActionResult? Kept(Controller controller, string version) =>
        kept.Get(version) is { } unchanged ? controller.File(unchanged.Pdf, "application/pdf", unchanged.FileName) : null;

    /// <summary>The hand-out printed now (or found by its HTML, ADR 061) and kept under <paramref name="version"/>.</summary>
    public async Task<IActionResult> FileAsync(Controller controller, string version, DashboardHandout handout, string fileName, string backUrl)
    {
        var definition = DocumentCatalog.DashboardHandout;
        var rendered = await renderer.RenderAsync(definition, handout, handout.Title, $"Hand-out, gemaakt op {handout.Generated}", isDraft: false);
        try
        {
            var bytes = await kept.PrintAsync(renderer.Request(rendered, definition.Paper, isDraft: false), version, fileName, controller.HttpContext.RequestAborted);
            return controller.File(bytes, "application/pdf", fileName);
        }
        catch (PdfUnavailableException exception)
        {
            controller.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return controller.View("~/Features/Documents/Message.cshtml", new DocumentMessage("PDF niet beschikbaar", exception.Message, backUrl, "Terug naar het dashboard"));
        }
    }
}
