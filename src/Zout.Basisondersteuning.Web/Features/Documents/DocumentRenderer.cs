using System.Net;
using System.Security.Cryptography;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>What a content partial gets: the data and whether it is a draft (concept).</summary>
public sealed record DocumentContent(DocumentDefinition Definition, object Data, bool IsDraft, string Title);

/// <summary>A rendered document: the HTML of its content (for the page) and, when asked, the PDF.</summary>
public sealed record RenderedDocument(string Title, string HeaderText, string ContentHtml, string? ExtraStylesheet = null);

/// <summary>
/// Turns a document's content partial into the HTML shown on the page and into the PDF: the same Razor
/// partial for both; for the PDF wrapped in a page of its own with the stylesheet inline.
/// </summary>
public sealed class DocumentRenderer(ViewRenderer views, IPdfRenderer pdf, IServiceProvider services)
{
    public const string ContentView = "~/Features/Documents/Content/_Document.cshtml";
    public const string Stylesheet = "css/documents.css";

    public async Task<RenderedDocument> RenderAsync(DocumentDefinition definition, object data, string title, string schoolName, bool isDraft)
    {
        var html = await views.RenderAsync(services, ContentView, new DocumentContent(definition, data, isDraft, title));
        var header = isDraft ? $"CONCEPT · {schoolName}" : schoolName;
        return new RenderedDocument(title, header, html, definition.ExtraStylesheet);
    }

    /// <summary>
    /// The PDF of a rendered document: from the cache when the same HTML was printed before (ADR 061).
    /// <paramref name="background"/>: for work nobody waits for on a page (bulk downloads), which may use only part of the render slots.
    /// </summary>
    public Task<byte[]> PdfAsync(RenderedDocument document, PaperSize paper, bool isDraft, CancellationToken cancellationToken, bool background = false) =>
        pdf.RenderAsync(Request(document, paper, isDraft, background), cancellationToken);

    /// <summary>What Chromium prints for a rendered document.</summary>
    public PdfRequest Request(RenderedDocument document, PaperSize paper, bool isDraft, bool background = false) =>
        // The A3 poster is one page by definition: it shrinks to fit.
        new(PrintPage(document, paper, isDraft), document.HeaderText, paper, isDraft ? "CONCEPT - niet vastgesteld" : null, FitOnOnePage: paper == PaperSize.A3, Background: background);

    /// <summary>The complete page Chromium prints: language nl, a title, the CSS inline (the page has no network).</summary>
    public string PrintPage(RenderedDocument document, PaperSize paper, bool isDraft)
    {
        var css = views.Stylesheet(Stylesheet) + (document.ExtraStylesheet is { } extra ? "\n" + views.Stylesheet(extra) : "");
        var watermark = isDraft ? "<div class=\"zb-doc-watermark\" aria-hidden=\"true\">CONCEPT</div>" : "";
        var paperClass = paper switch
        {
            PaperSize.A3 => "zb-print zb-print--a3",
            PaperSize.A4Landscape => "zb-print zb-print--landscape",
            _ => "zb-print",
        };
        return $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\" /><title>{WebUtility.HtmlEncode(document.Title)}</title><style>{css}</style></head>" +
               $"<body class=\"{paperClass}\">{watermark}{document.ContentHtml}</body></html>";
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
