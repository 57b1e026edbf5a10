namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>A document shown as a web page: its content HTML (the same as in the PDF) and where to get the PDF.</summary>
public sealed record DocumentPage(
    string Title,
    string ContentHtml,
    string? PdfUrl,
    string? PdfUnavailable,
    string BackUrl,
    string BackText,
    string? Notice = null);

/// <summary>A Dutch explanation with a status code: not published, PDF not available.</summary>
public sealed record DocumentMessage(string Title, string Message, string BackUrl, string BackText);

public static class DocumentFileNames
{
    /// <summary>"12AB00-Obs-De-Regenboog-SOP-2026-2027.pdf": ASCII only, safe in any ZIP and browser.</summary>
    public static string For(string locationCode, string schoolName, string documentName, string yearName)
    {
        var normalized = schoolName.Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder();
        foreach (var c in normalized)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var name = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{locationCode}-{name}-{documentName}-{yearName}.pdf";
    }
}
