using System.Globalization;

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

    public void Add(params ReportCell[] cells) => Rows.Add(cells);
}

public static class ReportFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Level(double? value) => value is { } v ? v.ToString("0.0", Dutch) : "–";

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
}
