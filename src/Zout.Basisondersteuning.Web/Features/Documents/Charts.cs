using System.Globalization;

namespace Zout.Basisondersteuning.Web.Features.Documents;

public sealed record Bar(string Label, decimal Value, string Display);

/// <summary>
/// A horizontal bar chart drawn as SVG on the server, always printed with a table of the same values
/// (_BarChart.cshtml): the same partial on the page and in the PDF, readable without colour.
/// </summary>
public sealed record BarChart(string Id, string Caption, string ValueHeader, IReadOnlyList<Bar> Bars, decimal Max)
{
    public const int LabelWidth = 260;
    public const int BarAreaWidth = 300;
    public const int RowHeight = 22;

    public int Height => Bars.Count * RowHeight + 8;
    public int Width => LabelWidth + BarAreaWidth + 90;

    public string BarWidth(decimal value) =>
        (Max <= 0 ? 0 : Math.Max(0, Math.Min(1, value / Max)) * BarAreaWidth).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Truncate(string text, int length = 42) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
