using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>One cell of a report table: the text everybody reads (also without colour), a link and a heat class.</summary>
public sealed record ReportCell(string Text, string? Href = null, string? Css = null)
{
    public static implicit operator ReportCell(string text) => new(text);
}

/// <summary>
/// A table as the page shows it and as the export writes it: the page and the download are made from the
/// same object, so a download never holds more (or less) than the page.
/// </summary>
public sealed class ReportTable(string id, string caption)
{
    public string Id { get; } = id;
    public string Caption { get; } = caption;
    public List<string> Headers { get; init; } = [];
    public List<IReadOnlyList<ReportCell>> Rows { get; } = [];
    public string EmptyText { get; init; } = "Geen gegevens.";

    /// <summary>A short explanation under the caption, e.g. how to read the colours.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Shorter column headers for the printed hand-out, where every column must fit the paper ("1" for "Afspraak 1");
    /// the page and the downloads keep <see cref="Headers"/>.
    /// </summary>
    public IReadOnlyList<string>? PrintHeaders { get; init; }

    /// <summary>Many columns: printed with columns of equal width, so the table never runs off the paper.</summary>
    public bool IsWide => Headers.Count > 8;

    public void Add(params ReportCell[] cells) => Rows.Add(cells);

    /// <summary>The same table (same id, so its downloads hold every row) with only some rows, for one page of a long list.</summary>
    public ReportTable Slice(int skip, int take)
    {
        var slice = new ReportTable(Id, Caption) { Headers = Headers, EmptyText = EmptyText, Note = Note, PrintHeaders = PrintHeaders };
        slice.Rows.AddRange(Rows.Skip(skip).Take(take));
        return slice;
    }
}

/// <summary>One page of a long list: which rows it shows and the pages there are.</summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public int First => Total == 0 ? 0 : Skip + 1;
    public int Last => Math.Min(Total, Skip + PageSize);

    /// <summary>A page asked for in the address, kept within the pages there are.</summary>
    public static Paging For(int? requested, int pageSize, int total)
    {
        var first = new Paging(1, pageSize, total);
        return first with { Page = Math.Clamp(requested ?? 1, 1, first.PageCount) };
    }

    /// <summary>The page numbers to link: the first, the last and two either side of this one; null for a gap of two or more pages.</summary>
    public IEnumerable<int?> Links()
    {
        int? previous = null;
        for (var page = 1; page <= PageCount; page++)
        {
            if (page != 1 && page != PageCount && Math.Abs(page - Page) > 2) continue;
            if (previous is { } p && page - p == 2) yield return p + 1;
            else if (previous is { } q && page - q > 2) yield return null;
            yield return page;
            previous = page;
        }
    }
}

public static class ReportFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Level(double? value) => value is { } v ? v.ToString("0.0", Dutch) : "–";

    /// <summary>A level as <see cref="Level"/> wrote it, read back; null for "–".</summary>
    public static double? ParseLevel(string text) =>
        double.TryParse(text, NumberStyles.Number, Dutch, out var value) ? value : null;

    public static string Change(double? now, double? before) =>
        now is { } n && before is { } b ? (n - b).ToString("+0.0;-0.0;0.0", Dutch) : "";

    /// <summary>The average with its change since last year in one cell: "2,8 (+0,3)".</summary>
    public static string LevelWithChange(double? now, double? before)
    {
        var change = Change(now, before);
        return change.Length == 0 ? Level(now) : $"{Level(now)} ({change})";
    }

    /// <summary>Heat classes by level band; the value is always printed as well.</summary>
    public static string? Heat(double? value) => value switch
    {
        null => null,
        < 1.75 => "zb-heat zb-heat--1",
        < 2.5 => "zb-heat zb-heat--2",
        < 3.25 => "zb-heat zb-heat--3",
        _ => "zb-heat zb-heat--4",
    };

    public static string Money(decimal amount) => amount.ToString("C0", Dutch);

    public static string Count(int n) => n.ToString(Dutch);

    /// <summary>A count with its share of the total: "12 (60%)"; a share is left out when the total is 0.</summary>
    public static string CountWithShare(int count, int total) =>
        total == 0 ? Count(count) : $"{Count(count)} ({Percent((double)count / total)})";

    /// <summary>"60%", rounded to whole percents.</summary>
    public static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Dutch)}%";

    /// <summary>A number as the school filled it in, Dutch: "1.234", "2,5".</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", Dutch);

    /// <summary>"1 school", "12 scholen".</summary>
    public static string Schools(int count) => count == 1 ? "1 school" : $"{Count(count)} scholen";

    /// <summary>What a key figure nobody filled in reads as: never 0.</summary>
    public const string NotFilledIn = "niet ingevuld";
}

/// <summary>
/// The body rows of a <see cref="ReportTable"/> as HTML, one string per row. The partnership dashboard has some
/// 8,000 cells; written cell by cell through Razor (with its indentation) they were most of the page's time and a
/// third of its bytes. Encoded with the same encoder as Razor. Rows and cells carry no class of their own: the table is
/// an <c>utrecht-table--html-table</c>, which the design system styles by element (<c>&gt; tbody &gt; tr &gt; td</c>,
/// the same rules as <c>utrecht-table__cell</c>); a class on each of them was a quarter of the page's bytes.
/// </summary>
public static class ReportTableHtml
{
    public static string Row(string tableId, IReadOnlyList<ReportCell> row, bool print)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(64 + (row.Count * 64));
        html.Append("<tr data-testid=\"row-").Append(encoder.Encode(tableId)).Append("\">");
        for (var i = 0; i < row.Count; i++)
        {
            var cell = row[i];
            var tag = i == 0 ? "th" : "td";
            html.Append('<').Append(tag);
            if (i == 0) html.Append(" scope=\"row\"");
            if (!string.IsNullOrEmpty(cell.Css)) html.Append(" class=\"").Append(encoder.Encode(cell.Css)).Append('"');
            html.Append('>');
            if (cell.Href is null || print)
            {
                html.Append(encoder.Encode(cell.Text));
            }
            else
            {
                html.Append("<a class=\"utrecht-link\" href=\"").Append(encoder.Encode(cell.Href)).Append("\">").Append(encoder.Encode(cell.Text)).Append("</a>");
            }

            html.Append("</").Append(tag).Append('>');
        }

        return html.Append("</tr>").ToString();
    }
}
