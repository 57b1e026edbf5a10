using System.Globalization;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>One scored item of a framework list: an agreement or a verandercapaciteit statement.</summary>
public sealed record ScoreItem(string Key, string Label, string ShortLabel);

/// <summary>
/// A list of the framework that schools score on the level scale, the same way: the agreements (afspraken) and
/// the verandercapaciteit statements. The dashboards aggregate both with the same tables.
/// </summary>
public sealed class ScoreKind
{
    private ScoreKind(string id, string title, string itemHeader, Func<FrameworkDefinition, IReadOnlyList<ScoreItem>> items, Func<SummaryEntry, IReadOnlyDictionary<string, int>> scores)
    {
        Id = id;
        Title = title;
        ItemHeader = itemHeader;
        Items = items;
        Scores = scores;
    }

    /// <summary>The first part of the ids of its tables: "afspraken", "verandercapaciteit".</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>What one item is called in a table header: "Afspraak", "Stelling".</summary>
    public string ItemHeader { get; }

    public Func<FrameworkDefinition, IReadOnlyList<ScoreItem>> Items { get; }

    public Func<SummaryEntry, IReadOnlyDictionary<string, int>> Scores { get; }

    /// <summary>
    /// The agreements in the order of their numbers. All of them count here, also those the SOP lists ter kennisgeving
    /// (without the score): the SOP is for parents, the dashboards are for the school, its board and the partnership.
    /// </summary>
    public static readonly ScoreKind Agreements = new("afspraken", "Afspraken", "Afspraak",
        f => f.Agreements.OrderBy(a => a.Number).Select(a =>
        {
            var number = a.Number.ToString(CultureInfo.InvariantCulture);
            return new ScoreItem(a.Key, $"{number}. {a.Text}", $"Afspraak {number}");
        }).ToList(),
        e => e.Agreements);

    public static readonly ScoreKind ChangeCapacity = new("verandercapaciteit", "Verandercapaciteit", "Stelling",
        f => f.ChangeCapacity.Select(s => new ScoreItem(s.Key, s.Text, s.Text)).ToList(),
        e => e.ChangeCapacity);

    /// <summary>The school's score on one item, when the item is in the framework of that year.</summary>
    public int? Score(SummaryEntry entry, string key) => Scores(entry).TryGetValue(key, out var level) ? level : null;

    /// <summary>The school's average over the items of the framework it scored ("as a whole"); null when it scored none.</summary>
    public double? Average(SummaryEntry entry, FrameworkDefinition framework)
    {
        var scores = Scores(entry);
        var sum = 0;
        var count = 0;
        foreach (var item in Items(framework))
        {
            if (!scores.TryGetValue(item.Key, out var level)) continue;
            sum += level;
            count++;
        }

        return count == 0 ? null : (double)sum / count;
    }
}

/// <summary>The agreements or the verandercapaciteit of a board or partnership dashboard: distribution, per group (or school) and trend.</summary>
public sealed record ScoreFigures(ScoreKind Kind, ReportTable Distribution, StackedBars DistributionChart, ReportTable ByGroup, ReportTable Trend, SmallMultiples TrendChart)
{
    /// <summary>The figures of one kind; null when the year's framework has no items of it.</summary>
    public static ScoreFigures? For(ScoreKind kind, FrameworkDefinition framework, YearOption year, IEnumerable<SummaryEntry> entries,
        IReadOnlyList<HeatmapGroup> groups, string rowHeader, IReadOnlyDictionary<int, SummaryEntry> current,
        FrameworkDefinition? previousFramework, IReadOnlyDictionary<int, SummaryEntry> previous,
        IReadOnlyList<(YearOption Year, FrameworkDefinition? Framework, IReadOnlyDictionary<int, SummaryEntry> Scans)> trendYears, IReadOnlyCollection<int> schoolIds)
    {
        if (kind.Items(framework).Count == 0) return null;
        var word = kind == ScoreKind.Agreements ? "score" : "niveau";
        var (distribution, chart) = ScoreTables.Distribution(kind, $"{kind.Title} {year.Name}: aantal scholen per {word}", framework, entries);
        var perSchool = rowHeader == "School";
        var byGroup = ScoreTables.ByGroup(kind, $"{kind.Id}-per-{(perSchool ? "school" : "groep")}",
            $"{kind.Title} {year.Name}: gemiddelde {word} per {rowHeader.ToLower(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}",
            rowHeader, groups, framework, current, previousFramework, previous);
        var (trend, trendChart) = ScoreTables.Trend(kind, $"{kind.Title}: gemiddelde {word} per schooljaar", framework, trendYears, schoolIds);
        return new ScoreFigures(kind, distribution, chart, byGroup, trend, trendChart);
    }

    /// <param name="paged">How the per-group table is shown (paged on the partnership dashboard); as it is when null.</param>
    public DashboardSection Section(Func<ReportTable, object>? paged = null)
    {
        List<object> parts = [];
        if (Kind == ScoreKind.Agreements) parts.Add(new Paragraph("Alle afspraken tellen hier mee, ook de afspraken die het SOP alleen ter kennisgeving noemt (zonder de score van de school)."));
        parts.AddRange([new SubHeading("Verdeling"), new ChartWithTable(DistributionChart, Distribution),
            new SubHeading(ByGroup.Headers[0] == "School" ? "Per school" : $"Per {ByGroup.Headers[0].ToLowerInvariant()}"), paged?.Invoke(ByGroup) ?? ByGroup,
            new SubHeading("Trend"), new ChartWithTable(TrendChart, Trend)]);
        return new DashboardSection(Kind.Id, Kind.Title, parts);
    }
}

/// <summary>The tables and charts of agreements and verandercapaciteit, from the summaries in memory. Submitted and adopted scans only.</summary>
public static class ScoreTables
{
    /// <summary>The row of the whole (every item together) in the tables per item.</summary>
    public const string Overall = "Alle onderdelen samen";

    public static string LevelHeader(LevelStyle level) => level.Name;

    /// <summary>How many schools scored each item at each level: the table and the same counts as stacked bars.</summary>
    public static (ReportTable Table, StackedBars Chart) Distribution(ScoreKind kind, string caption, FrameworkDefinition framework, IEnumerable<SummaryEntry> entries)
    {
        var levels = LevelStyle.For(framework);
        var final = entries.Where(e => e.IsFinal).ToList();
        var table = new ReportTable($"{kind.Id}-verdeling", caption)
        {
            Headers = [kind.ItemHeader, .. levels.Select(LevelHeader), "Scholen", "Gemiddeld"],
            Note = "Aantal scholen per niveau (ingediende en vastgestelde scans), met tussen haakjes het deel van de scholen die het onderdeel scoorden.",
            EmptyText = "Dit schooljaar heeft het kader hier geen onderdelen.",
        };
        var bars = new List<StackedBar>();
        foreach (var item in kind.Items(framework))
        {
            var counts = Counts(levels, final.Select(e => kind.Score(e, item.Key)));
            bars.Add(new StackedBar(item.Label, counts));
            table.Rows.Add(DistributionRow(item.Label, levels, counts));
        }

        return (table, new StackedBars($"{kind.Id}-verdeling-grafiek", caption, levels, bars));
    }

    /// <summary>How many answers are at each level of the scale (values outside the scale are not counted).</summary>
    public static int[] Counts(IReadOnlyList<LevelStyle> levels, IEnumerable<int?> values)
    {
        var counts = new int[levels.Count];
        foreach (var value in values)
        {
            if (value is not { } v) continue;
            for (var i = 0; i < levels.Count; i++)
            {
                if (levels[i].Value != v) continue;
                counts[i]++;
                break;
            }
        }

        return counts;
    }

    public static List<ReportCell> DistributionRow(ReportCell label, IReadOnlyList<LevelStyle> levels, IReadOnlyList<int> counts)
    {
        var total = counts.Sum();
        var cells = new List<ReportCell> { label };
        for (var i = 0; i < levels.Count; i++) cells.Add(ReportFormat.CountWithShare(counts[i], total));
        cells.Add(ReportFormat.Count(total));
        var average = total == 0 ? (double?)null : (double)levels.Select((l, i) => l.Value * counts[i]).Sum() / total;
        cells.Add(new ReportCell(ReportFormat.Level(average), Css: ReportFormat.Heat(average)));
        return cells;
    }

    /// <summary>
    /// Groups (boards, regions, municipalities, or the schools themselves) x items: the average score, and the average
    /// over all items, with the change since last year over the same schools for the whole.
    /// </summary>
    public static ReportTable ByGroup(ScoreKind kind, string id, string caption, string rowHeader, IReadOnlyList<HeatmapGroup> groups, FrameworkDefinition framework,
        IReadOnlyDictionary<int, SummaryEntry> current, FrameworkDefinition? previousFramework, IReadOnlyDictionary<int, SummaryEntry> previous)
    {
        var items = kind.Items(framework);
        var table = new ReportTable(id, caption)
        {
            Headers = [rowHeader, "Scans", .. items.Select(i => i.ShortLabel), "Gemiddeld"],
            // On paper the agreements are their numbers (the distribution above lists them); statements keep their text.
            PrintHeaders = kind == ScoreKind.Agreements ? [rowHeader, "Scans", .. items.Select(NumberOf), "Gemiddeld"] : null,
            Note = $"Gemiddelde score (1 tot en met {framework.MaxLevel.ToString(CultureInfo.InvariantCulture)}) van ingediende en vastgestelde scans; bij 'Gemiddeld' tussen haakjes de verandering sinds vorig jaar. De kleur herhaalt het getal.",
            EmptyText = "Er zijn geen scholen in deze selectie.",
        };
        foreach (var group in groups)
        {
            var now = Final(group.SchoolIds, current);
            var cells = new List<ReportCell> { group.Label, ReportFormat.Count(now.Count) };
            foreach (var item in items)
            {
                var value = DashboardTables.Mean(now.Select(e => (double?)kind.Score(e, item.Key)));
                cells.Add(new ReportCell(ReportFormat.Level(value), Css: ReportFormat.Heat(value)));
            }

            var whole = DashboardTables.Mean(now.Select(e => kind.Average(e, framework)));
            var before = previousFramework is null ? null : DashboardTables.Mean(Final(group.SchoolIds, previous).Select(e => kind.Average(e, previousFramework)));
            cells.Add(new ReportCell(ReportFormat.LevelWithChange(whole, before), Css: ReportFormat.Heat(whole)));
            table.Rows.Add(cells);
        }

        return table;
    }

    private static string NumberOf(ScoreItem item) => item.Label[..item.Label.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The average score per item per school year (each year with its own framework), and the whole; with small multiples.</summary>
    public static (ReportTable Table, SmallMultiples Chart) Trend(ScoreKind kind, string caption, FrameworkDefinition framework,
        IReadOnlyList<(YearOption Year, FrameworkDefinition? Framework, IReadOnlyDictionary<int, SummaryEntry> Scans)> years, IReadOnlyCollection<int> schoolIds)
    {
        var table = new ReportTable($"{kind.Id}-trend", caption)
        {
            Headers = [kind.ItemHeader, .. years.Select(y => y.Year.Name)],
            Note = "Gemiddelde score van ingediende en vastgestelde scans per schooljaar; '–' als het onderdeel dat jaar niet in het kader stond of geen scores had.",
        };
        var charts = new List<SmallChart>();
        var rows = kind.Items(framework).Select(i => (i.Label, Key: (string?)i.Key)).Append((Overall, null)).ToList();
        foreach (var (label, key) in rows)
        {
            var values = new List<double?>();
            foreach (var (_, yearFramework, scans) in years)
            {
                double? value = null;
                if (yearFramework is not null)
                {
                    var entries = Final(schoolIds, scans);
                    value = key is null
                        ? DashboardTables.Mean(entries.Select(e => kind.Average(e, yearFramework)))
                        : kind.Items(yearFramework).Any(i => i.Key == key) ? DashboardTables.Mean(entries.Select(e => (double?)kind.Score(e, key))) : null;
                }

                values.Add(value);
            }

            table.Rows.Add([label, .. values.Select(v => new ReportCell(ReportFormat.Level(v), Css: ReportFormat.Heat(v)))]);
            charts.Add(new SmallChart(label, values));
        }

        return (table, SmallMultiples.OfLevels($"{kind.Id}-trend-grafiek", caption, years.Select(y => y.Year.Name).ToList(), charts, framework));
    }

    /// <summary>The submitted and adopted scans of these schools.</summary>
    public static List<SummaryEntry> Final(IEnumerable<int> schoolIds, IReadOnlyDictionary<int, SummaryEntry> scans)
    {
        var list = new List<SummaryEntry>();
        foreach (var id in schoolIds)
        {
            if (scans.TryGetValue(id, out var entry) && entry.IsFinal) list.Add(entry);
        }

        return list;
    }
}
