using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>The key figures of a board or partnership dashboard: totals, per group (or school) and trend.</summary>
public sealed record KeyFigureFigures(ReportTable Totals, ReportTable ByGroup, ReportTable Trend, SmallMultiples TrendChart)
{
    public const string SectionId = "kengetallen";

    /// <summary>The figures; null when the year's framework has no key figures.</summary>
    public static KeyFigureFigures? For(FrameworkDefinition framework, YearOption year, YearOption? previousYear, IReadOnlyList<HeatmapGroup> groups, string rowHeader,
        IReadOnlyDictionary<int, SummaryEntry> current, FrameworkDefinition? previousFramework, IReadOnlyDictionary<int, SummaryEntry> previous,
        IReadOnlyList<(YearOption Year, FrameworkDefinition? Framework, IReadOnlyDictionary<int, SummaryEntry> Scans)> trendYears, IReadOnlyCollection<int> schoolIds)
    {
        if (framework.KeyFigures.Count == 0) return null;
        var perSchool = rowHeader == "School";
        var totals = KeyFigureTables.Totals("kengetallen", $"Kengetallen {year.Name}: totaal", framework, schoolIds, current, previousFramework, previous, previousYear?.Name);
        var byGroup = KeyFigureTables.ByGroup($"kengetallen-per-{(perSchool ? "school" : "groep")}",
            $"Kengetallen {year.Name} per {rowHeader.ToLower(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}", rowHeader, groups, framework, current);
        var (trend, chart) = KeyFigureTables.Trend("kengetallen-trend", "Kengetallen per schooljaar", framework, trendYears, schoolIds);
        return new KeyFigureFigures(totals, byGroup, trend, chart);
    }

    /// <param name="paged">How the per-group table is shown (paged on the partnership dashboard); as it is when null.</param>
    public DashboardSection Section(Func<ReportTable, object>? paged = null) => new(SectionId, "Kengetallen",
    [
        TotalsIntro, Totals, new SubHeading(ByGroup.Headers[0] == "School" ? "Per school" : $"Per {ByGroup.Headers[0].ToLowerInvariant()}"), paged?.Invoke(ByGroup) ?? ByGroup,
        new SubHeading("Trend"), new ChartWithTable(TrendChart, Trend),
    ]);

    private static readonly Paragraph TotalsIntro = new("De kengetallen die de scholen in hun scan invulden. Een leeg gelaten kengetal is 'niet ingevuld' en telt nergens als 0.");
}

/// <summary>
/// The key figures (kengetallen) the schools filled in: totals, per group and per school, per school year. A figure a
/// school left empty is "niet ingevuld": it never counts as 0 in a total or an average. Submitted and adopted scans only,
/// except on the school's own dashboard.
/// </summary>
public static class KeyFigureTables
{
    public const string Note = "Ingediende en vastgestelde scans. Een kengetal dat een school leeg liet, telt niet mee (ook niet als 0): het staat er als 'niet ingevuld'.";

    /// <summary>A key figure's name with its unit: "Aantal thuiszitters (leerlingen)".</summary>
    public static string Name(KeyFigureDefinition figure) => figure.Unit is { Length: > 0 } unit ? $"{figure.Name} ({unit})" : figure.Name;

    /// <summary>The sum over the schools that filled the figure in, and how many did; null when none did.</summary>
    public static (decimal Sum, int Filled)? Total(IEnumerable<SummaryEntry> entries, string key)
    {
        var sum = 0m;
        var filled = 0;
        foreach (var entry in entries)
        {
            if (!entry.KeyFigures.TryGetValue(key, out var value)) continue;
            sum += value;
            filled++;
        }

        return filled == 0 ? null : (sum, filled);
    }

    /// <summary>Per key figure: the total, how many schools filled it in, the average per school that did, and last year's total.</summary>
    public static ReportTable Totals(string id, string caption, FrameworkDefinition framework, IReadOnlyCollection<int> schoolIds,
        IReadOnlyDictionary<int, SummaryEntry> current, FrameworkDefinition? previousFramework, IReadOnlyDictionary<int, SummaryEntry> previous, string? previousName)
    {
        var now = ScoreTables.Final(schoolIds, current);
        var before = previousFramework is null ? [] : ScoreTables.Final(schoolIds, previous);
        var table = new ReportTable(id, caption)
        {
            Headers = ["Kengetal", "Totaal", "Ingevuld door", "Gemiddeld per school", previousName is null ? "Vorig jaar" : $"Totaal {previousName}"],
            Note = Note,
            EmptyText = "Het kader van dit schooljaar heeft geen kengetallen.",
        };
        foreach (var figure in framework.KeyFigures)
        {
            var total = Total(now, figure.Key);
            var last = previousFramework?.KeyFigures.ByKey(figure.Key) is null ? null : Total(before, figure.Key);
            table.Add(Name(figure),
                total is { } t ? ReportFormat.Number(t.Sum) : ReportFormat.NotFilledIn,
                $"{ReportFormat.Count(total?.Filled ?? 0)} van {ReportFormat.Schools(now.Count)}",
                total is { } a ? ReportFormat.Number(Math.Round(a.Sum / a.Filled, 1)) : "–",
                previousFramework is null ? "–" : last is { } l ? $"{ReportFormat.Number(l.Sum)} ({ReportFormat.Schools(l.Filled)})" : ReportFormat.NotFilledIn);
        }

        return table;
    }

    /// <summary>
    /// Groups (or schools) x key figures. A school's own number, or 'niet ingevuld'; a group's total with, when not every
    /// school of it filled the figure in, how many did. '–' for a school or group without a submitted or adopted scan.
    /// </summary>
    public static ReportTable ByGroup(string id, string caption, string rowHeader, IReadOnlyList<HeatmapGroup> groups, FrameworkDefinition framework,
        IReadOnlyDictionary<int, SummaryEntry> current)
    {
        var table = new ReportTable(id, caption)
        {
            Headers = [rowHeader, "Scans", .. framework.KeyFigures.Select(Name)],
            Note = Note + " Bij een groep staat tussen haakjes hoeveel scholen het kengetal invulden, als dat niet alle scholen waren.",
            EmptyText = "Er zijn geen scholen in deze selectie.",
        };
        foreach (var group in groups)
        {
            var now = ScoreTables.Final(group.SchoolIds, current);
            var cells = new List<ReportCell> { group.Label, ReportFormat.Count(now.Count) };
            foreach (var figure in framework.KeyFigures)
            {
                cells.Add(now.Count == 0 ? "–" : Total(now, figure.Key) switch
                {
                    null => ReportFormat.NotFilledIn,
                    var (sum, filled) when filled == now.Count => ReportFormat.Number(sum),
                    var (sum, filled) => $"{ReportFormat.Number(sum)} ({ReportFormat.Count(filled)} van {ReportFormat.Schools(now.Count)})",
                });
            }

            table.Rows.Add(cells);
        }

        return table;
    }

    /// <summary>The total of every key figure per school year (each year with its own framework), with small multiples of the totals.</summary>
    public static (ReportTable Table, SmallMultiples Chart) Trend(string id, string caption, FrameworkDefinition framework,
        IReadOnlyList<(YearOption Year, FrameworkDefinition? Framework, IReadOnlyDictionary<int, SummaryEntry> Scans)> years, IReadOnlyCollection<int> schoolIds)
    {
        var table = new ReportTable(id, caption)
        {
            Headers = ["Kengetal", .. years.Select(y => y.Year.Name)],
            Note = Note + " Tussen haakjes hoeveel scholen het invulden; '–' als het kengetal dat jaar niet in het kader stond.",
        };
        var charts = new List<SmallChart>();
        foreach (var figure in framework.KeyFigures)
        {
            var cells = new List<ReportCell> { Name(figure) };
            var values = new List<double?>();
            foreach (var (_, yearFramework, scans) in years)
            {
                if (yearFramework?.KeyFigures.ByKey(figure.Key) is null)
                {
                    cells.Add("–");
                    values.Add(null);
                    continue;
                }

                var total = Total(ScoreTables.Final(schoolIds, scans), figure.Key);
                cells.Add(total is { } t ? $"{ReportFormat.Number(t.Sum)} ({ReportFormat.Schools(t.Filled)})" : ReportFormat.NotFilledIn);
                values.Add(total is { } v ? (double)v.Sum : null);
            }

            table.Rows.Add(cells);
            charts.Add(new SmallChart(Name(figure), values));
        }

        return (table, SmallMultiples.OfCounts(id + "-grafiek", caption + " (totaal)", years.Select(y => y.Year.Name).ToList(), charts));
    }

    /// <summary>One school's own key figures per school year, whatever the status of its scan.</summary>
    public static ReportTable OfSchool(string id, string caption, FrameworkDefinition framework,
        IReadOnlyList<(YearOption Year, FrameworkDefinition? Framework, SummaryEntry? Scan)> years)
    {
        var table = new ReportTable(id, caption)
        {
            Headers = ["Kengetal", .. years.Select(y => y.Year.Name)],
            Note = "Zoals de school ze in de scan van dat jaar invulde; '–' als er dat jaar geen scan was of het kengetal niet in het kader stond.",
            EmptyText = "Het kader van dit schooljaar heeft geen kengetallen.",
        };
        foreach (var figure in framework.KeyFigures)
        {
            table.Rows.Add([Name(figure), .. years.Select(y => (ReportCell)(y.Scan is null || y.Framework?.KeyFigures.ByKey(figure.Key) is null
                ? "–"
                : y.Scan.KeyFigures.TryGetValue(figure.Key, out var value) ? ReportFormat.Number(value) : ReportFormat.NotFilledIn))]);
        }

        return table;
    }
}
