using Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// One section of a dashboard: a heading and its parts in order (tables, charts, text, a partial of its own). The page
/// and the hand-out PDF render the same sections (Sections/_Section.cshtml); a new section is one more entry in a
/// dashboard's list, and its tables are downloadable at once because <see cref="Tables"/> feeds the exports.
/// </summary>
/// <param name="Id">The anchor of the section ("afspraken"); its heading is "{Id}-heading".</param>
/// <param name="InHandout">Whether the hand-out PDF has this section (not the downloads, for instance).</param>
public sealed record DashboardSection(string Id, string Title, IReadOnlyList<object> Parts, bool InHandout = true)
{
    public IEnumerable<ReportTable> Tables => Parts.SelectMany(p => p switch
    {
        ReportTable table => [table],
        ChartWithTable pair => [pair.Table],
        PagedTable paged => [paged.Table],
        _ => Array.Empty<ReportTable>(),
    });
}

/// <summary>
/// A chart and the table with its numbers. On the page the table folds away under the chart (the chart already prints
/// its numbers; the table is one click away, and downloadable); in the hand-out both are printed.
/// </summary>
public sealed record ChartWithTable(object Chart, ReportTable Table);

/// <summary>
/// A long table shown one page of rows at a time (the per-group tables of the partnership dashboard: 150 boards x 25
/// agreements made the page slow). The page shows <see cref="Paging"/>'s rows with a pager whose links keep the filters;
/// the downloads and the hand-out PDF always hold the whole <see cref="Table"/>.
/// </summary>
/// <param name="RowWord">What the rows are, plural with a capital ("Besturen", "Scholen"), for "Besturen 1 tot en met 25 van 150".</param>
public sealed record PagedTable(ReportTable Table, Paging Paging, Func<int, string> PageUrl, string RowWord)
{
    public ReportTable Rows => Paging.PageCount > 1 ? Table.Slice(Paging.Skip, Paging.PageSize) : Table;

    /// <summary>The model of _Pager.cshtml; named after the table, as a page has several pagers.</summary>
    public (Paging Paging, Func<int, string> Url, string Label) Pager => (Paging, PageUrl, $"Pagina's van de tabel: {Table.Caption}");
}

/// <summary>A paragraph of a section.</summary>
public sealed record Paragraph(string Text, string? TestId = null);

/// <summary>A heading inside a section (h3), above a table and its chart.</summary>
public sealed record SubHeading(string Text);

/// <summary>
/// A part drawn by a partial of its own (a form, the drill-down links, the downloads). <paramref name="Interactive"/>
/// parts are left out of the hand-out PDF.
/// </summary>
public sealed record PartialPart(string View, object Model, bool Interactive = true);

/// <summary>"Wat vraagt aandacht": the lines of the rules, or a sentence that nothing does.</summary>
public sealed record AttentionPart(IReadOnlyList<AttentionItem> Items);

/// <summary>A dashboard as a hand-out for a meeting: the same sections, with the filters it was made with.</summary>
public sealed record DashboardHandout(string Kicker, string Title, IReadOnlyList<string> Filters, IReadOnlyList<DashboardSection> Sections, string Generated);

/// <summary>The sections every dashboard has in common.</summary>
public static class DashboardSections
{
    public const string AttentionId = "aandacht";
    public const string AttentionTitle = "Wat vraagt aandacht";

    public static DashboardSection Attention(IReadOnlyList<AttentionItem> items) => new(AttentionId, AttentionTitle, [new AttentionPart(items)]);

    /// <summary>
    /// The table of contents: the sections with Team Basisondersteuning's own sections (rendered by their partial, issue
    /// 11) just before the downloads, where the page shows them.
    /// </summary>
    public static IReadOnlyList<DashboardSection> WithTeam(IReadOnlyList<DashboardSection> sections, IReadOnlyList<(string Id, string Title)> team)
    {
        var entries = team.Select(t => new DashboardSection(t.Id, t.Title, [], InHandout: false)).ToList();
        var downloads = sections.ToList().FindIndex(s => s.Id == "downloads");
        return downloads < 0 ? [.. sections, .. entries] : [.. sections.Take(downloads), .. entries, .. sections.Skip(downloads)];
    }
}
