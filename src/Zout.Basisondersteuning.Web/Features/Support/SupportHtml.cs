using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>The partnership's texts as HTML, the same on the page and in the PDF.</summary>
public static class SupportHtml
{
    /// <summary>A heading at the level the including page gives, so the outline stays in order in the SOP and on the public page.</summary>
    public static IHtmlContent Heading(int level, string text, string? testId = null)
    {
        var n = Math.Clamp(level, 1, 6);
        var test = testId is null ? "" : $" data-testid=\"{WebUtility.HtmlEncode(testId)}\"";
        return new HtmlString(string.Create(CultureInfo.InvariantCulture, $"<h{n} class=\"utrecht-heading-{n}\"{test}>{WebUtility.HtmlEncode(text)}</h{n}>"));
    }

    /// <summary>One paragraph per line as the admin typed it (empty lines skipped); nothing for no text.</summary>
    public static IHtmlContent Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return HtmlString.Empty;
        var html = new StringBuilder();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p class=\"utrecht-paragraph\">").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        return new HtmlString(html.ToString());
    }
}
