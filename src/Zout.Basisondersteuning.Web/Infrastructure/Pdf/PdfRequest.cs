namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

public enum PaperSize
{
    A4,
    A3,

    /// <summary>A4 on its side: for the dashboards' hand-outs, whose tables are wide.</summary>
    A4Landscape,
}

/// <summary>
/// One document to print: a complete HTML page (with its CSS inline), the text in the page header
/// (the school's name) and the paper size. Footer: "pagina X van Y".
/// </summary>
/// <param name="FitOnOnePage">Scale the content down (to half at most) until it fits one page: the poster.</param>
/// <param name="Background">Work nobody waits for on a page (a bulk download): it may use only part of the render slots.</param>
public sealed record PdfRequest(string Html, string HeaderText, PaperSize Paper = PaperSize.A4, string? FooterText = null, bool FitOnOnePage = false, bool Background = false);

/// <summary>The renderer cannot make PDFs here; the message says why, in Dutch, for the user.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public interface IPdfRenderer
{
    /// <summary>Whether a browser was found; says nothing about whether it starts.</summary>
    bool IsAvailable { get; }

    /// <summary>In Dutch, for the user: why PDFs cannot be made, or null when they can.</summary>
    string? UnavailableReason { get; }

    /// <summary>Renders the page to a tagged PDF with bookmarks. Throws <see cref="PdfUnavailableException"/>.</summary>
    Task<byte[]> RenderAsync(PdfRequest request, CancellationToken cancellationToken = default);
}
