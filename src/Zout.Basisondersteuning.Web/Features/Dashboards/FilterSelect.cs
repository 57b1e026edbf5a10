using Microsoft.AspNetCore.Html;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// A filter of a dashboard as a labelled select list (NL Design System's form field): the year on every dashboard, and
/// region, board, municipality and grouping on the partnership dashboard. Written here rather than by a partial view:
/// as partials, the partnership dashboard's filters (with every board of the partnership) were a twentieth of that
/// page's time (issue 15). Texts and values are encoded by <see cref="HtmlContentBuilder.Append"/>.
/// </summary>
public static class FilterSelect
{
    public static IHtmlContent Render(string name, string label, string allText, IReadOnlyList<Option> options)
    {
        var html = new HtmlContentBuilder(16 + (options.Count * 6));
        html.AppendHtml("<div class=\"utrecht-form-field utrecht-form-field--select\">\n    <div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"")
            .Append(name).AppendHtml("\">").Append(label).AppendHtml("</label></div>\n    <div class=\"utrecht-form-field__input\">\n")
            .AppendHtml("        <select class=\"utrecht-select utrecht-select--html-select\" id=\"").Append(name).AppendHtml("\" name=\"").Append(name).AppendHtml("\">\n");
        if (allText.Length > 0) html.AppendHtml("<option value=\"\">").Append(allText).AppendHtml("</option>");
        foreach (var option in options)
        {
            html.AppendHtml("<option value=\"").Append(option.Value).AppendHtml(option.Selected ? "\" selected=\"selected\">" : "\">").Append(option.Text).AppendHtml("</option>");
        }

        return html.AppendHtml("\n        </select>\n    </div>\n</div>\n");
    }
}
