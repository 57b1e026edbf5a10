using System.Globalization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>A bar chart of averages this year and last year (levels 1 to 4); the table next to it holds the same numbers.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<BarValue> Bars, string NowLabel, string? BeforeLabel)
{
    public const int Width = 640;
    public const int LabelWidth = 230;
    public const int RowHeight = 34;
    public const double MaxLevel = 4;
    public int Height => Bars.Count * RowHeight + 40;
    public static double X(double value) => LabelWidth + value / MaxLevel * (Width - LabelWidth - 50);
}

public sealed record TrendSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A line chart of a trend table: one line per row, a point per school year.</summary>
public sealed record LineChart(string Id, string Title, IReadOnlyList<string> Years, IReadOnlyList<TrendSeries> Series)
{
    public const int Width = 640;
    public const int Height = 300;
    public const int Left = 50;
    public const int Right = 200;
    public const int Top = 20;
    public const int Bottom = 40;

    public double X(int index) => Years.Count <= 1 ? Left : Left + index * (double)(Width - Left - Right) / (Years.Count - 1);
    public static double Y(double value) => Top + (4 - value) / 3 * (Height - Top - Bottom);

    /// <summary>Made from a trend table: the row header is the series, the other cells the values per year.</summary>
    public static LineChart From(ReportTable table) => new(
        table.Id + "-grafiek", table.Caption, table.Headers.Skip(1).ToList(),
        table.Rows.Select(r => new TrendSeries(r[0].Text, r.Skip(1).Select(c => Parse(c.Text)).ToList())).ToList());

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Number, CultureInfo.GetCultureInfo("nl-NL"), out var value) ? value : null;

    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

public static class Svg
{
    /// <summary>An SVG text element (Razor reserves the text tag for itself).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Text(double x, double y, string css, string content, string? anchor = null) =>
        new Microsoft.AspNetCore.Html.HtmlString(
            $"<text x=\"{LineChart.Format(x)}\" y=\"{LineChart.Format(y)}\" class=\"{css}\"{(anchor is null ? "" : $" text-anchor=\"{anchor}\"")}>{System.Net.WebUtility.HtmlEncode(content)}</text>");
}
