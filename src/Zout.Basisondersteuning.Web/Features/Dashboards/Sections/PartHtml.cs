using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Zout.Basisondersteuning.Web.Features.Dashboards.Sections;

/// <summary>
/// Renders a part of a dashboard section (Sections/_Part.cshtml), and keeps the HTML of the parts that only show data —
/// tables and charts — with the part itself. The dashboards keep their figures in memory for as long as the data they
/// come from is the same (<see cref="DashboardData.Memo{T}"/>), so the same table object is shown again and again; its
/// HTML was the larger half of a dashboard request. The HTML is kept per page address (the links in a table and the pager
/// carry the filters) and lives exactly as long as the object: new figures are new objects, with nothing kept. The
/// hand-out PDF and parts with forms (antiforgery tokens, per user) are always rendered.
/// </summary>
public static class PartHtml
{
    public const string View = "~/Features/Dashboards/Sections/_Part.cshtml";

    /// <summary>At most this many addresses per object: a query string with made-up parameters is rendered, not kept.</summary>
    private const int MaxVariants = 32;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, string>> Kept = [];

    public static async Task<IHtmlContent> RenderAsync(IHtmlHelper html, object part)
    {
        // A paragraph or a heading is written here: a partial view per line of text was a tenth of a dashboard request.
        switch (part)
        {
            case Paragraph paragraph:
                return paragraph.TestId is null
                    ? new HtmlContentBuilder(3).AppendHtml("<p class=\"utrecht-paragraph\">").Append(paragraph.Text).AppendHtml("</p>")
                    : new HtmlContentBuilder(5).AppendHtml("<p class=\"utrecht-paragraph\" data-testid=\"").Append(paragraph.TestId).AppendHtml("\">")
                        .Append(paragraph.Text).AppendHtml("</p>");
            case SubHeading heading:
                return new HtmlContentBuilder(3).AppendHtml("<h3 class=\"utrecht-heading-3\">").Append(heading.Text).AppendHtml("</h3>");
        }

        var context = html.ViewContext;
        var owner = context.ViewData["Print"] is true ? null : Owner(part);
        if (owner is null) return await html.PartialAsync(View, part);

        var request = context.HttpContext.Request;
        // A chart with its table is kept with the table, for this chart object: both come from the same kept figures.
        var chart = part is ChartWithTable pair ? $"|{RuntimeHelpers.GetHashCode(pair.Chart)}" : "";
        var variant = $"{part.GetType().Name}{chart}|{request.PathBase}{request.Path}{request.QueryString}";
        var variants = Kept.GetValue(owner, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        if (variants.TryGetValue(variant, out var found)) return new HtmlString(found);

        var content = await html.PartialAsync(View, part);
        await using var writer = new StringWriter();
        content.WriteTo(writer, context.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>());
        var text = writer.ToString();
        if (variants.Count < MaxVariants) variants.TryAdd(variant, text);
        return new HtmlString(text);
    }

    /// <summary>The object whose HTML is kept for a part: the data it shows; null for parts that are not only data.</summary>
    private static object? Owner(object part) => part switch
    {
        ReportTable or StackedBars or SmallMultiples or BarChart => part,
        PagedTable paged => paged.Table,
        ChartWithTable pair when Owner(pair.Chart) is not null => pair.Table,
        _ => null,
    };
}
