using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>A row of a heatmap: a school, a board or a region, and the schools it stands for.</summary>
public sealed record HeatmapGroup(ReportCell Label, IReadOnlyList<int> SchoolIds);

/// <summary>Builds the tables the board and partnership dashboards share, from the summaries in memory.</summary>
public static class DashboardTables
{
    /// <summary>
    /// Groups x domains (average over the aspects), or groups x aspects of one domain. Counts submitted and
    /// adopted scans only. The change is against the same schools last year, for domains and aspects that
    /// were in both years' frameworks.
    /// </summary>
    public static ReportTable Heatmap(string id, string caption, IReadOnlyList<HeatmapGroup> groups, FrameworkDefinition framework,
        IReadOnlyDictionary<int, SummaryEntry> current, FrameworkDefinition? previousFramework, IReadOnlyDictionary<int, SummaryEntry> previous,
        string? domainKey, string? rowHeader = null)
    {
        var domain = framework.Domains.ByKey(domainKey);
        var columns = domain is null
            ? framework.Domains.Select(d => (d.Name, Value: (Func<SummaryEntry, FrameworkDefinition, double?>)((e, f) => DomainAverage(e, f, d.Key)))).ToList()
            : framework.Aspects.Select(a => (a.Name, Value: (Func<SummaryEntry, FrameworkDefinition, double?>)((e, f) => AspectLevel(e, f, domain.Key, a.Key)))).ToList();
        var table = new ReportTable(id, caption)
        {
            Headers = [rowHeader ?? "School", "Scans", .. columns.Select(c => c.Name)],
            Note = "Gemiddeld niveau (1 niet aanwezig tot 4 sterk en geborgd) van ingediende en vastgestelde scans; tussen haakjes de verandering sinds vorig jaar. De kleur herhaalt het getal.",
            EmptyText = "Er zijn geen scholen in deze selectie.",
        };
        foreach (var group in groups)
        {
            var now = group.SchoolIds.Select(id => current.GetValueOrDefault(id)).Where(e => e is { IsFinal: true }).Cast<SummaryEntry>().ToList();
            var before = previousFramework is null
                ? []
                : group.SchoolIds.Select(id => previous.GetValueOrDefault(id)).Where(e => e is { IsFinal: true }).Cast<SummaryEntry>().ToList();
            var cells = new List<ReportCell> { group.Label, ReportFormat.Count(now.Count) };
            foreach (var column in columns)
            {
                var valueNow = Mean(now.Select(e => column.Value(e, framework)));
                var valueBefore = previousFramework is null ? null : Mean(before.Select(e => column.Value(e, previousFramework)));
                cells.Add(new ReportCell(ReportFormat.LevelWithChange(valueNow, valueBefore), Css: ReportFormat.Heat(valueNow)));
            }

            table.Rows.Add(cells);
        }

        return table;
    }

    /// <summary>
    /// How many levels of each value the schools gave per domain (over its aspects), or per aspect of one domain: the
    /// table and the same counts as stacked bars. Submitted and adopted scans only.
    /// </summary>
    public static (ReportTable Table, StackedBars Chart) LevelDistribution(string id, string caption, FrameworkDefinition framework,
        IEnumerable<SummaryEntry> entries, string? domainKey)
    {
        var levels = LevelStyle.For(framework);
        var final = entries.Where(e => e.IsFinal).ToList();
        var domain = framework.Domains.ByKey(domainKey);
        var rows = domain is null
            ? framework.Domains.Select(d => (d.Name, Cells: framework.Aspects.Select(a => (Domain: d.Key, Aspect: a.Key)).ToList())).ToList()
            : framework.Aspects.Select(a => (a.Name, Cells: new List<(string Domain, string Aspect)> { (domain.Key, a.Key) })).ToList();
        var table = new ReportTable(id, caption)
        {
            Headers = [domain is null ? "Domein" : "Aspect", .. levels.Select(ScoreTables.LevelHeader), "Scores", "Gemiddeld"],
            Note = domain is null
                ? "Aantal scores per niveau over alle aspecten van het domein (ingediende en vastgestelde scans), met tussen haakjes het deel van de scores."
                : "Aantal scholen per niveau (ingediende en vastgestelde scans), met tussen haakjes het deel van de scholen.",
        };
        var bars = new List<StackedBar>();
        foreach (var (name, cells) in rows)
        {
            var counts = ScoreTables.Counts(levels, final.SelectMany(e => cells.Select(c => e.Level(c.Domain, c.Aspect))));
            bars.Add(new StackedBar(name, counts));
            table.Rows.Add(ScoreTables.DistributionRow(name, levels, counts));
        }

        return (table, new StackedBars(id + "-grafiek", caption, levels, bars));
    }

    /// <summary>The average over the aspects of the framework; null when the domain is not in it or has no levels.</summary>
    public static double? DomainAverage(SummaryEntry entry, FrameworkDefinition framework, string domainKey) =>
        framework.Domains.ByKey(domainKey) is not null ? entry.DomainAverage(domainKey) : null;

    public static double? AspectLevel(SummaryEntry entry, FrameworkDefinition framework, string domainKey, string aspectKey) =>
        framework.Domains.ByKey(domainKey) is not null && framework.Aspects.ByKey(aspectKey) is not null ? entry.Level(domainKey, aspectKey) : null;

    public static double? Mean(IEnumerable<double?> values)
    {
        var sum = 0.0;
        var count = 0;
        foreach (var value in values)
        {
            if (value is not { } v) continue;
            sum += v;
            count++;
        }

        return count == 0 ? null : sum / count;
    }

    /// <summary>Each school with the status of its scan this year.</summary>
    public static ReportTable Status(string id, string caption, IEnumerable<SchoolInfo> schools, IReadOnlyDictionary<int, SummaryEntry> current, Func<SchoolInfo, string?> href)
    {
        var table = new ReportTable(id, caption) { Headers = ["School", "Code", "Bestuur", "Regio", "Status scan"], EmptyText = "Geen scholen." };
        foreach (var school in schools)
        {
            var status = current.GetValueOrDefault(school.Id)?.Status;
            table.Add(new ReportCell(school.Name, href(school)), school.Code, school.BoardName, school.RegionName ?? "–",
                new ReportCell(status.ToDutch(), Css: status is ScanStatus.Submitted or ScanStatus.Adopted ? "zb-status zb-status--done" : "zb-status zb-status--open"));
        }

        return table;
    }

    /// <summary>Offering items with how many and which schools offer them (for a board: few schools).</summary>
    public static ReportTable OfferingBySchool(string id, string caption, FrameworkDefinition framework, IReadOnlyList<SchoolInfo> schools, IReadOnlyDictionary<int, SummaryEntry> current)
    {
        var table = new ReportTable(id, caption) { Headers = ["Aanbod", "Groep", "Aantal scholen", "Scholen"] };
        foreach (var group in framework.OfferingGroups)
        {
            foreach (var item in group.Items)
            {
                var offering = schools.Where(s => current.GetValueOrDefault(s.Id) is { IsFinal: true } e && e.Offering.Contains(item.Key)).Select(s => s.Name).ToList();
                table.Add(item.Name, group.Name, new ReportCell(ReportFormat.Count(offering.Count), Css: offering.Count == 0 ? "zb-gap" : null),
                    offering.Count == 0 ? "geen enkele school" : string.Join(", ", offering));
            }
        }

        return table;
    }

    /// <summary>Finance categories: the amounts the schools reported spending, against the budget from the pupil count.</summary>
    public static ReportTable Finances(string id, string caption, FrameworkDefinition framework, IReadOnlyList<SchoolInfo> schools, IReadOnlyDictionary<int, SummaryEntry> current)
    {
        var reporting = schools.Where(s => current.GetValueOrDefault(s.Id) is { IsFinal: true }).ToList();
        var budget = reporting.Sum(s => (decimal)(s.PupilCount ?? 0)) * framework.AmountPerPupil;
        var table = new ReportTable(id, caption)
        {
            Headers = ["Post", "Bedrag"],
            Note = $"Over {reporting.Count} ingediende of vastgestelde scans. Budget: leerlingen x {ReportFormat.Money(framework.AmountPerPupil)} per leerling.",
        };
        table.Add("Budget basisondersteuning", ReportFormat.Money(budget));
        var spent = 0m;
        foreach (var category in framework.FinanceCategories)
        {
            var amount = reporting.Sum(s => current[s.Id].Finances.GetValueOrDefault(category.Key));
            spent += amount;
            table.Add(category.Name, ReportFormat.Money(amount));
        }

        table.Add("Totaal besteed", ReportFormat.Money(spent));
        return table;
    }

    /// <summary>The small multiples of a trend table made by <see cref="Trends"/>: one small chart per row, on the scale of the levels.</summary>
    public static SmallMultiples TrendChart(ReportTable trend, FrameworkDefinition framework) =>
        SmallMultiples.OfLevels(trend.Id + "-grafiek", trend.Caption, trend.Headers.Skip(1).ToList(),
            trend.Rows.Select(r => new SmallChart(r[0].Text, r.Skip(1).Select(c => ReportFormat.ParseLevel(c.Text)).ToList())).ToList(), framework);

    /// <summary>Average level per domain (rows) per school year (columns), each year with its own framework.</summary>
    public static ReportTable Trends(string id, string caption, FrameworkDefinition framework, IReadOnlyList<(YearOption Year, FrameworkDefinition? Framework, IReadOnlyDictionary<int, SummaryEntry> Scans)> years,
        IReadOnlyCollection<int> schoolIds, bool byAspect)
    {
        var table = new ReportTable(id, caption)
        {
            Headers = [byAspect ? "Aspect" : "Domein", .. years.Select(y => y.Year.Name)],
            Note = "Gemiddeld niveau van ingediende en vastgestelde scans per schooljaar; '–' als het onderdeel dat jaar niet in het kader stond of geen scores had.",
        };
        var rows = byAspect
            ? framework.Aspects.Select(a => (a.Name, Key: a.Key)).ToList()
            : framework.Domains.Select(d => (d.Name, Key: d.Key)).ToList();
        foreach (var (name, key) in rows)
        {
            var cells = new List<ReportCell> { name };
            foreach (var (_, yearFramework, scans) in years)
            {
                double? value = null;
                if (yearFramework is not null)
                {
                    var entries = schoolIds.Select(s => scans.GetValueOrDefault(s)).Where(e => e is { IsFinal: true }).Cast<SummaryEntry>();
                    var inFramework = byAspect ? yearFramework.Aspects.ByKey(key) is not null : yearFramework.Domains.ByKey(key) is not null;
                    value = !inFramework ? null : byAspect
                        ? Mean(entries.Select(e => e.AspectAverage(key)))
                        : Mean(entries.Select(e => e.DomainAverage(key)));
                }

                cells.Add(new ReportCell(ReportFormat.Level(value), Css: ReportFormat.Heat(value)));
            }

            table.Rows.Add(cells);
        }

        return table;
    }
}
