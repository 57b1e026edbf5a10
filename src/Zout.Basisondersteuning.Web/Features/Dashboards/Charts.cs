using System.Globalization;
using Zout.Basisondersteuning.Web.Domain.Scans;

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

/// <summary>One level of the scale as a chart draws it: its value and name, a fill, a pattern and a text colour that reads on the fill.</summary>
public sealed record LevelStyle(int Value, string Label, string Fill, string Text, LevelPattern Pattern)
{
    /// <summary>
    /// Colours that colour-blind readers can tell apart by lightness (light and dark orange and blue), and a pattern
    /// on the two lowest levels, so no level is told by its colour alone; the number is printed in the bar as well.
    /// </summary>
    private static readonly (string Fill, string Text, LevelPattern Pattern)[] Palette =
    [
        ("#b2401b", "#ffffff", LevelPattern.Hatched),
        ("#f6b98a", "#1a1a1a", LevelPattern.Dotted),
        ("#a6cce3", "#1a1a1a", LevelPattern.None),
        ("#1f5f99", "#ffffff", LevelPattern.None),
    ];

    /// <summary>The styles of a framework's levels, low to high; a scale longer than four repeats the palette from the top.</summary>
    public static IReadOnlyList<LevelStyle> For(FrameworkDefinition framework)
    {
        var levels = framework.Levels.OrderBy(l => l.Value).ToList();
        return levels.Select((level, i) =>
        {
            // The lowest level gets the first colour and the highest the last one, whatever the length of the scale.
            var index = levels.Count == 1 ? Palette.Length - 1 : (int)Math.Round((double)i * (Palette.Length - 1) / (levels.Count - 1), MidpointRounding.AwayFromZero);
            var (fill, text, pattern) = Palette[index];
            return new LevelStyle(level.Value, level.Label, fill, text, pattern);
        }).ToList();
    }

    public string Name => $"{Value.ToString(CultureInfo.InvariantCulture)} {Label.ToLower(CultureInfo.GetCultureInfo("nl-NL"))}";
}

public enum LevelPattern
{
    None,
    Hatched,
    Dotted,
}

/// <summary>One bar of a stacked bar chart: an item and how many (schools, answers) are at each level.</summary>
public sealed record StackedBar(string Label, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>
/// Distributions of levels as 100% stacked bars, one per item (a domain, an agreement, a statement). Drawn as SVG in
/// percentages of the width, so nothing is squeezed: the item's name is text above its bar and wraps, and a count is
/// printed inside its part of the bar only when that part is wide enough for it. The table next to it holds every count.
/// </summary>
public sealed record StackedBars(string Id, string Title, IReadOnlyList<LevelStyle> Levels, IReadOnlyList<StackedBar> Bars)
{
    public const int BarHeight = 24;

    /// <summary>A part narrower than this share of the bar gets no number inside it (it would not fit on a phone).</summary>
    public const double MinShareForNumber = 0.12;

    public sealed record Segment(LevelStyle Level, int Count, double Start, double Width)
    {
        public bool ShowsNumber => Width >= MinShareForNumber;
        public string X => Svg.Percent(Start);
        public string W => Svg.Percent(Width);
        public string Middle => Svg.Percent(Start + Width / 2);
    }

    public static IReadOnlyList<Segment> Segments(IReadOnlyList<LevelStyle> levels, StackedBar bar)
    {
        var total = bar.Total;
        var segments = new List<Segment>();
        if (total == 0) return segments;
        var start = 0.0;
        for (var i = 0; i < levels.Count && i < bar.Counts.Count; i++)
        {
            var width = (double)bar.Counts[i] / total;
            if (bar.Counts[i] > 0) segments.Add(new Segment(levels[i], bar.Counts[i], start, width));
            start += width;
        }

        return segments;
    }

    public string PatternId(LevelStyle level) => $"{Id}-niveau-{level.Value.ToString(CultureInfo.InvariantCulture)}";

    public string FillOf(LevelStyle level) => level.Pattern == LevelPattern.None ? level.Fill : $"url(#{PatternId(level)})";
}

/// <summary>
/// One chart of a <see cref="SmallMultiples"/> as SVG, in one string without indentation. A partnership dashboard has
/// dozens of them; how they draw (colours, lines, type) is in dashboards.css, the scale is one path, so each chart
/// carries only its own numbers and texts. Encoded with the same encoder as Razor.
/// </summary>
public static class SmallMultiplesSvg
{
    public static string Chart(SmallMultiples model, int index)
    {
        string F(double v) => Svg.Format(v);
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var chart = model.Charts[index];
        var titleId = encoder.Encode($"{model.Id}-{index}-titel");
        const int w = SmallMultiples.Width;
        const int h = SmallMultiples.Height;
        var svg = new System.Text.StringBuilder(1200);
        svg.Append("<svg viewBox=\"0 0 ").Append(w).Append(' ').Append(h).Append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").Append(titleId)
            .Append("\" class=\"zb-multiples__svg\"><title id=\"").Append(titleId).Append("\">").Append(encoder.Encode(model.Describe(chart))).Append("</title>");

        void Text(double x, double y, string css, string anchor, string text) => svg.Append(Svg.Text(x, y, css, text, anchor));

        // The scale: one line per tick, as one path, and its numbers.
        svg.Append("<path class=\"zb-multiples__scale\" d=\"");
        foreach (var tick in model.Ticks) svg.Append('M').Append(SmallMultiples.Left).Append(' ').Append(F(model.Y(tick))).Append('H').Append(w - SmallMultiples.Right);
        svg.Append("\"/>");
        foreach (var tick in model.Ticks) Text(SmallMultiples.Left - 6, model.Y(tick) + 4, "zb-multiples__axis", "end", model.TickText(tick));
        if (model.Years.Count > 0) Text(model.Years.Count == 1 ? model.X(0) : SmallMultiples.Left, h - 6, "zb-multiples__axis", model.Years.Count == 1 ? "middle" : "start", model.Years[0]);
        if (model.Years.Count > 1) Text(w - SmallMultiples.Right, h - 6, "zb-multiples__axis", "end", model.Years[^1]);

        var points = chart.Values.Select((v, i) => (Value: v, Index: i)).Where(p => p.Value is not null).Select(p => (Value: p.Value!.Value, p.Index)).ToList();
        if (points.Count > 1)
        {
            svg.Append("<polyline points=\"").AppendJoin(' ', points.Select(p => $"{F(model.X(p.Index))},{F(model.Y(p.Value))}")).Append("\"/>");
        }

        foreach (var p in points) svg.Append("<circle cx=\"").Append(F(model.X(p.Index))).Append("\" cy=\"").Append(F(model.Y(p.Value))).Append("\" r=\"3.5\"/>");
        if (points.Count > 0)
        {
            var first = points[0];
            var last = points[^1];
            // The first value only where it cannot meet the last one (two labels of at most 40 wide).
            if (points.Count == 1 || model.X(last.Index) - model.X(first.Index) >= SmallMultiples.MinLabelDistance)
            {
                Text(model.X(first.Index), model.Y(first.Value) - 8, "zb-multiples__value", points.Count == 1 ? "middle" : "start", model.Format(first.Value));
            }

            if (points.Count > 1) Text(model.X(last.Index), model.Y(last.Value) - 8, "zb-multiples__value", "end", model.Format(last.Value));
        }
        else
        {
            Text(w / 2.0, h / 2.0, "zb-multiples__axis", "middle", "geen gegevens");
        }

        return svg.Append("</svg>").ToString();
    }
}

/// <summary>One small chart of a set: an item (a domain, a statement, a key figure) and its value per school year.</summary>
public sealed record SmallChart(string Title, IReadOnlyList<double?> Values);

/// <summary>
/// Trends as small multiples: one small line chart per item, all on the same scale, side by side in a grid that wraps.
/// Only the first and the last school year are written under a chart and only the first and last value above it, so
/// no two labels can meet; the table next to it has every value.
/// </summary>
public sealed record SmallMultiples(string Id, string Title, IReadOnlyList<string> Years, IReadOnlyList<SmallChart> Charts, double Min, double Max, bool Levels)
{
    public const int Width = 240;
    public const int Height = 130;
    public const int Left = 34;
    public const int Right = 14;
    public const int Top = 22;
    public const int Bottom = 24;

    /// <summary>The first and the last value are both written only when their points are this far apart: room for two labels.</summary>
    public const int MinLabelDistance = 84;

    public double X(int index) => Years.Count <= 1 ? (Left + Width - Right) / 2.0 : Left + index * (double)(Width - Left - Right) / (Years.Count - 1);

    public double Y(double value) => Max <= Min ? Height - Bottom : Top + (Max - value) / (Max - Min) * (Height - Top - Bottom);

    /// <summary>The lines of the scale: every level, or zero, the middle and the top for counts.</summary>
    public IReadOnlyList<double> Ticks => Levels
        ? Enumerable.Range((int)Min, (int)(Max - Min) + 1).Select(v => (double)v).ToList()
        : [Min, (Min + Max) / 2, Max];

    public string Format(double value) => Levels ? ReportFormat.Level(value) : ReportFormat.Number((decimal)value);

    public string TickText(double value) => Levels ? value.ToString("0", CultureInfo.InvariantCulture) : ReportFormat.Number((decimal)Math.Round(value, 1));

    /// <summary>A chart of levels on the framework's scale.</summary>
    public static SmallMultiples OfLevels(string id, string title, IReadOnlyList<string> years, IReadOnlyList<SmallChart> charts, FrameworkDefinition framework) =>
        new(id, title, years, charts, framework.MinLevel, framework.MaxLevel, Levels: true);

    /// <summary>A chart of counts from zero to a round number at or above the highest value.</summary>
    public static SmallMultiples OfCounts(string id, string title, IReadOnlyList<string> years, IReadOnlyList<SmallChart> charts)
    {
        var highest = charts.SelectMany(c => c.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        return new(id, title, years, charts, 0, RoundUp(highest), Levels: false);
    }

    /// <summary>1, 2, 5 or 10 times a power of ten: 0 to 7 becomes 0 to 10, 0 to 130 becomes 0 to 200.</summary>
    public static double RoundUp(double value)
    {
        if (value <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (step * power >= value) return step * power;
        }

        return 10 * power;
    }

    /// <summary>For a screen reader: what the chart shows, in one sentence.</summary>
    public string Describe(SmallChart chart)
    {
        var points = chart.Values.Select((v, i) => (Value: v, Year: Years[i])).Where(p => p.Value is not null).ToList();
        return points.Count switch
        {
            0 => $"{chart.Title}: geen gegevens.",
            1 => $"{chart.Title}: {Format(points[0].Value!.Value)} in {points[0].Year}.",
            _ => $"{chart.Title}: van {Format(points[0].Value!.Value)} in {points[0].Year} naar {Format(points[^1].Value!.Value)} in {points[^1].Year}.",
        };
    }
}

public static class Svg
{
    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>An SVG text element (Razor reserves the text tag for itself).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Text(double x, double y, string css, string content, string? anchor = null) =>
        Text(Format(x), Format(y), css, content, anchor);

    /// <summary>An SVG text element at coordinates already written out (such as "12.5%"); the presentation attributes given are written on it.</summary>
    /// <param name="stroke">A stroke colour only (a halo): its width and the rest are in the stylesheet.</param>
    public static Microsoft.AspNetCore.Html.IHtmlContent Text(string x, string y, string css, string content, string? anchor = null, string? fill = null, string? stroke = null, int? size = null) =>
        new Microsoft.AspNetCore.Html.HtmlString(
            $"<text x=\"{x}\" y=\"{y}\" class=\"{css}\"{(anchor is null ? "" : $" text-anchor=\"{anchor}\"")}" +
            $"{(fill is null ? "" : $" fill=\"{fill}\"")}{(stroke is null ? "" : $" stroke=\"{stroke}\"")}" +
            $"{(size is null ? "" : $" font-size=\"{size.Value.ToString(CultureInfo.InvariantCulture)}\"")}" +
            $">{System.Net.WebUtility.HtmlEncode(content)}</text>");
}
