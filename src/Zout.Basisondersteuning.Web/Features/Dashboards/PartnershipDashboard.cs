using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Dashboards.Attention;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// The partnership's dashboard over the schools the user may see, filtered by region, board, municipality and school
/// year and grouped by board, region or municipality: what needs attention, completion, domains, agreements,
/// verandercapaciteit, key figures, dekkend aanbod, trends, shared needs and finances.
/// </summary>
public static class PartnershipDashboard
{
    public const string Url = "/swv/dashboard";

    /// <summary>How many groups (or schools) the per-group tables show per page; the downloads and the PDF hold them all.</summary>
    public const int GroupPageSize = 25;

    /// <summary>How many schools the completion list shows per page (as the finder); the download and the PDF hold them all.</summary>
    public const int CompletionPageSize = 50;

    /// <param name="Groeppagina">The page of the per-group tables (heatmap, agreements, verandercapaciteit, key figures): one page for all of them, so they show the same groups.</param>
    /// <param name="Voltooiingpagina">The page of the completion list (schools that have not yet submitted or adopted their scan).</param>
    public sealed record Filter(string? Jaar, int? Regio, int? Bestuur, string? Domein, string? Gemeente = null, string? Groep = null, int? Groeppagina = null, int? Voltooiingpagina = null)
    {
        public Grouping Grouping => Groupings.Parse(Groep);
    }

    public sealed class Model : IReportPage
    {
        public required Filter Filter { get; init; }
        public required string YearName { get; init; }
        public required IReadOnlyList<Option> Years { get; init; }
        public required IReadOnlyList<Option> Regions { get; init; }
        public required IReadOnlyList<Option> Boards { get; init; }
        public required IReadOnlyList<Option> Municipalities { get; init; }
        public required IReadOnlyList<Option> GroupingOptions { get; init; }
        public required int SchoolCount { get; init; }
        public required IReadOnlyList<DashboardSection> Sections { get; init; }

        /// <summary>The filters in words, for the hand-out.</summary>
        public required IReadOnlyList<string> FilterLines { get; init; }

        /// <summary>Team Basisondersteuning's sections: needs, phases, connections (issue 11).</summary>
        public required TeamSections.Partnership Team { get; init; }

        public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Tables).Concat(Team.Tables);
        public IReadOnlyList<DashboardSection> Toc => DashboardSections.WithTeam(Sections,
            [("behoeften", "Behoeften"), ("fases", "Fase van de invoering"), ("verbindingen", "Verbindingen tussen scholen")]);
        public string FileName => $"swv-{YearName}";

        /// <summary>The hand-out PDF of this dashboard with the same filters.</summary>
        public string PdfUrl => $"{Url}.pdf?{Query(keepDomain: true)}";

        public required string Generated { get; init; }

        public DashboardHandout Handout() => new($"Dashboard samenwerkingsverband {YearName}", "Dashboard samenwerkingsverband", FilterLines, Sections, Generated);

        public string Query(string? domain = null, bool keepDomain = false) => Filter.ToQuery(YearName, domain, keepDomain);
    }

    private static string ToQuery(this Filter filter, string yearName, string? domain = null, bool keepDomain = false)
    {
        var parts = new List<string> { $"jaar={Uri.EscapeDataString(yearName)}" };
        if (filter.Regio is { } r) parts.Add($"regio={r.ToString(CultureInfo.InvariantCulture)}");
        if (filter.Bestuur is { } b) parts.Add($"bestuur={b.ToString(CultureInfo.InvariantCulture)}");
        if (filter.Gemeente is { } m) parts.Add($"gemeente={Uri.EscapeDataString(m)}");
        if (filter.Grouping != Grouping.Board) parts.Add($"groep={filter.Grouping.Value()}");
        var d = domain ?? (keepDomain ? filter.Domein : null);
        if (d is not null) parts.Add($"domein={Uri.EscapeDataString(d)}");
        return string.Join("&", parts);
    }

    /// <summary>The schools in the user's scope, narrowed by the filter.</summary>
    public static async Task<IQueryable<School>> ScopeAsync(AccessPolicy policy, Filter filter, CancellationToken cancellationToken)
    {
        var scope = await policy.InternalSchoolsAsync(cancellationToken);
        if (filter.Regio is { } region) scope = scope.Where(s => s.RegionId == region);
        if (filter.Bestuur is { } board) scope = scope.Where(s => s.BoardId == board);
        if (filter.Gemeente is { Length: > 0 } municipality) scope = scope.Where(s => s.Municipality == municipality);
        return scope;
    }

    /// <summary>What is computed from the summaries: kept in memory for the same snapshot, scope and filter.</summary>
    private sealed record Figures(
        ReportTable Completion, ReportTable Heatmap, ReportTable Distribution, StackedBars DistributionChart,
        ScoreFigures? Agreements, ScoreFigures? ChangeCapacity, KeyFigureFigures? KeyFigures,
        ReportTable Coverage, ReportTable TrendDomains, ReportTable TrendAspects, SmallMultiples TrendChart, ReportTable Finances, int Submitted, int Adopted);

    public sealed class Handler(AccessPolicy policy, DashboardData data, AppDbContext db, TeamSections.Handler team)
    {
        /// <summary>The municipalities of a list of schools, by name, once per list (the lists of a scope are kept: <see cref="DashboardData.SchoolsAsync"/>).</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<SchoolInfo>, List<(string Value, string Name)>> Municipalities = [];

        private static List<(string Value, string Name)> MunicipalitiesOf(IReadOnlyList<SchoolInfo> schools) =>
            Municipalities.GetValue(schools, list => list.Select(s => s.Municipality).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct()
                .Select(m => (Value: m!, Name: Groupings.MunicipalityName(m)))
                .OrderBy(m => m.Name, StringComparer.Create(PortalSetup.Dutch, ignoreCase: true))
                .ToList());

        /// <summary>The year and the schools a reminder from the dashboard goes to: the dashboard's own year, filter and scope.</summary>
        public async Task<(SchoolYear Year, IQueryable<School> Schools)?> ReminderTargetAsync(Filter filter, CancellationToken cancellationToken)
        {
            var option = data.Resolve(await data.YearsAsync(cancellationToken), filter.Jaar);
            if (option is null) return null;
            var year = await db.SchoolYears.AsNoTracking().SingleAsync(y => y.Id == option.Id, cancellationToken);
            return (year, await ScopeAsync(policy, filter, cancellationToken));
        }

        public async Task<Model?> HandleAsync(Filter filter, CancellationToken cancellationToken)
        {
            var years = await data.YearsAsync(cancellationToken);
            var year = data.Resolve(years, filter.Jaar);
            var framework = await data.FrameworkAsync(year, cancellationToken);
            if (year is null || framework is null) return null;
            var previousYear = DashboardData.Previous(years, year);
            var previousFramework = await data.FrameworkAsync(previousYear, cancellationToken);

            // The municipality filter is applied in memory, so the choice lists every municipality of the other filters.
            var scope = await ScopeAsync(policy, filter with { Gemeente = null }, cancellationToken);
            var beforeMunicipality = await data.SchoolsAsync(scope, $"internal|regio={filter.Regio}|bestuur={filter.Bestuur}", cancellationToken);
            var schools = filter.Gemeente is { Length: > 0 } chosen ? beforeMunicipality.Where(s => s.Municipality == chosen).ToList() : beforeMunicipality;
            var fullScope = await ScopeAsync(policy, filter, cancellationToken);
            var snapshot = await data.SummariesAsync(cancellationToken);
            var current = snapshot.ForYear(year.Id);
            var previous = snapshot.ForYear(previousYear?.Id ?? 0);
            var domain = framework.Domains.ByKey(filter.Domein);
            var grouping = filter.Grouping;
            var visibleBoards = await policy.VisibleBoardListAsync(cancellationToken);
            var regions = await data.RegionOptionsAsync(filter.Regio, cancellationToken);

            var trendYears = await data.TrendYearsAsync(years, year, framework, snapshot, cancellationToken);
            var query = filter.ToQuery(year.Name);
            var link = Link(query);

            var figures = data.Memo("swv", snapshot, schools, $"{year.Id}|{previousYear?.Id}|{filter.Bestuur}|{filter.Regio}|{filter.Gemeente}|{grouping}|{domain?.Key}", () =>
            {
                // The rows: the chosen groups, or the schools when the filter already narrows to one such group.
                var oneGroup = grouping switch
                {
                    Grouping.Board => filter.Bestuur is not null,
                    Grouping.Region => filter.Regio is not null,
                    _ => filter.Gemeente is { Length: > 0 },
                };
                var rowHeader = oneGroup ? "School" : grouping switch { Grouping.Board => "Bestuur", Grouping.Region => "Regio", _ => "Gemeente" };
                var rowWord = oneGroup ? "Scholen" : grouping.Plural();
                var groups = oneGroup
                    ? Groupings.Schools(schools, s => $"/school/{s.Code}/dashboard?jaar={year.Name}")
                    : Groupings.Groups(schools, grouping, s => grouping switch
                    {
                        Grouping.Board => $"/bestuur/{s.BoardId}/dashboard?jaar={year.Name}",
                        Grouping.Region => $"{Url}?{(filter with { Regio = s.RegionId, Groep = null }).ToQuery(year.Name)}",
                        _ => $"{Url}?{(filter with { Gemeente = s.Municipality ?? "", Groep = null }).ToQuery(year.Name)}",
                    });
                var entries = schools.Select(s => current.GetValueOrDefault(s.Id)).Where(e => e is not null).Cast<SummaryEntry>().ToList();
                var heatmap = DashboardTables.Heatmap("heatmap",
                    rowWord + (domain is null ? $" x domeinen {year.Name}" : $" x aspecten van {domain.Name} {year.Name}"),
                    groups, framework, current, previousFramework, previous, domain?.Key, rowHeader);
                var (distribution, distributionChart) = DashboardTables.LevelDistribution("verdeling-niveaus",
                    domain is null ? $"Verdeling van de niveaus per domein {year.Name}" : $"Verdeling van de niveaus per aspect van {domain.Name} {year.Name}",
                    framework, entries, domain?.Key);
                var open = schools.Where(s => current.GetValueOrDefault(s.Id) is not { IsFinal: true }).ToList();
                var completion = DashboardTables.Status("voltooiing", $"Scholen die hun scan {year.Name} nog niet hebben ingediend of vastgesteld", open, current, s => $"/school/{s.Code}/dashboard?jaar={year.Name}");
                var ids = schools.Select(s => s.Id).ToList();
                var trendDomains = DashboardTables.Trends("trend-domeinen", "Gemiddeld niveau per domein per schooljaar", framework, trendYears, ids, byAspect: false);
                return new Figures(completion, heatmap, distribution, distributionChart,
                    ScoreFigures.For(ScoreKind.Agreements, framework, year, entries, groups, rowHeader, current, previousFramework, previous, trendYears, ids),
                    ScoreFigures.For(ScoreKind.ChangeCapacity, framework, year, entries, groups, rowHeader, current, previousFramework, previous, trendYears, ids),
                    KeyFigureFigures.For(framework, year, previousYear, groups, rowHeader, current, previousFramework, previous, trendYears, ids),
                    Coverage(framework, schools, current, year.Name, grouping == Grouping.Municipality),
                    trendDomains,
                    DashboardTables.Trends("trend-aspecten", "Gemiddeld niveau per aspect per schooljaar", framework, trendYears, ids, byAspect: true),
                    DashboardTables.TrendChart(trendDomains, framework),
                    DashboardTables.Finances("financien", $"Financiën {year.Name}", framework, schools, current),
                    schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Submitted),
                    schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Adopted));
            });

            // What Team Basisondersteuning's work adds (development points, requests, signals, phases, connections): kept
            // in memory per version of that work, like the figures per version of the summaries.
            var activityKey = $"{year.Id}|{filter.Bestuur}|{filter.Regio}|{filter.Gemeente}|{data.Today}";
            var overdue = await data.MemoActivityAsync("swv-overdue", snapshot, beforeMunicipality, activityKey,
                () => data.OverduePointsAsync(fullScope, year, cancellationToken));
            var attention = data.Memo("swv-attention", snapshot, schools, $"{year.Id}|{previousYear?.Id}|{filter.Regio}|{filter.Gemeente}|{query}|{data.Today}|{DashboardData.Signature(overdue)}", () =>
                AttentionList.Evaluate(new AttentionContext
                {
                    Scope = AttentionScope.Partnership,
                    Today = data.Today,
                    Year = year,
                    Framework = framework,
                    PreviousYear = previousYear,
                    PreviousFramework = previousFramework,
                    Schools = schools,
                    Current = current,
                    Previous = previous,
                    OverduePoints = overdue,
                    Link = link,
                }));

            // The per-group tables show one page of groups, the completion list one page of schools; a pager keeps
            // every filter, the domain and the other list's page.
            var pageQuery = filter.ToQuery(year.Name, keepDomain: true);
            var groupWord = figures.Heatmap.Headers[0] == "School" ? "Scholen" : grouping.Plural();
            string PageUrl(string parameter, int page, string tableId)
            {
                var other = parameter == "groeppagina"
                    ? filter.Voltooiingpagina is { } v ? $"&voltooiingpagina={v.ToString(CultureInfo.InvariantCulture)}" : ""
                    : filter.Groeppagina is { } g ? $"&groeppagina={g.ToString(CultureInfo.InvariantCulture)}" : "";
                return $"{Url}?{pageQuery}{other}&{parameter}={page.ToString(CultureInfo.InvariantCulture)}#tabel-{tableId}";
            }

            object Paged(ReportTable table) => new PagedTable(table, Paging.For(filter.Groeppagina, GroupPageSize, table.Rows.Count),
                page => PageUrl("groeppagina", page, table.Id), groupWord);
            var completion = new PagedTable(figures.Completion, Paging.For(filter.Voltooiingpagina, CompletionPageSize, figures.Completion.Rows.Count),
                page => PageUrl("voltooiingpagina", page, figures.Completion.Id), "Scholen");

            var drill = new DrillDown(framework.Domains.Select(d => new DomainLink(d.Key, d.Name, d.Key == domain?.Key)).ToList(), $"{Url}?{query}");
            var sharedNeeds = await data.MemoActivityAsync("swv-shared-needs", snapshot, beforeMunicipality, activityKey,
                () => SharedNeedsAsync(fullScope, framework, year, cancellationToken));
            var sections = new List<DashboardSection>
            {
                DashboardSections.Attention(attention),
                new("voltooiing", $"Voltooiing {year.Name}",
                [
                    new Paragraph($"{schools.Count} scholen: {figures.Adopted} vastgesteld, {figures.Submitted} ingediend, {schools.Count - figures.Adopted - figures.Submitted} nog niet.", "status-summary"),
                    completion,
                    new PartialPart("~/Features/Dashboards/Sections/_ReminderForm.cshtml", new ReminderForm(year.Name, filter, figures.Completion.Rows.Count)),
                ]),
                new("domeinen", domain is null ? "Domeinen" : $"Aspecten van {domain.Name}",
                [
                    new PartialPart("~/Features/Dashboards/_DomainLinks.cshtml", drill),
                    Paged(figures.Heatmap),
                    new SubHeading("Verdeling van de niveaus"),
                    new ChartWithTable(figures.DistributionChart, figures.Distribution),
                ]),
            };
            if (figures.Agreements is { } agreements) sections.Add(agreements.Section(Paged));
            if (figures.ChangeCapacity is { } capacity) sections.Add(capacity.Section(Paged));
            if (figures.KeyFigures is { } keyFigures) sections.Add(keyFigures.Section(Paged));
            sections.Add(new("dekkend-aanbod", "Dekkend aanbod", [figures.Coverage]));
            sections.Add(new("trends", "Trends", [new ChartWithTable(figures.TrendChart, figures.TrendDomains), figures.TrendAspects]));
            sections.Add(new("gedeelde-ontwikkelpunten", "Gedeelde ontwikkelpunten", [sharedNeeds]));
            sections.Add(new("financien", "Financiën", [figures.Finances]));
            sections.Add(new("downloads", "Documenten downloaden",
                [new PartialPart("~/Features/Dashboards/Sections/_PartnershipDownloads.cshtml", (year.Name, $"{Url}.pdf?{filter.ToQuery(year.Name, keepDomain: true)}"))],
                InHandout: false));

            var municipalities = MunicipalitiesOf(beforeMunicipality).Select(m => new Option(m.Value, m.Name, m.Value == filter.Gemeente)).ToList();
            var boards = visibleBoards.Select(b => new Option(b.Id.ToString(CultureInfo.InvariantCulture), b.Name, b.Id == filter.Bestuur)).ToList();
            return new Model
            {
                Filter = filter,
                YearName = year.Name,
                Years = DashboardData.YearOptions(years, year),
                Regions = regions,
                Boards = boards,
                Municipalities = municipalities,
                GroupingOptions = Groupings.All.Select(g => new Option(g.Value, g.Plural, g.Grouping == grouping)).ToList(),
                SchoolCount = schools.Count,
                Sections = sections,
                Generated = DutchCalendar.Format(data.Today),
                FilterLines =
                [
                    $"Schooljaar {year.Name}",
                    $"Regio: {regions.FirstOrDefault(r => r.Selected)?.Text ?? "alle regio's"}",
                    $"Schoolbestuur: {boards.FirstOrDefault(b => b.Selected)?.Text ?? "alle besturen"}",
                    $"Gemeente: {(filter.Gemeente is { Length: > 0 } g ? Groupings.MunicipalityName(g) : "alle gemeenten")}",
                    $"Gegroepeerd per {grouping switch { Grouping.Board => "bestuur", Grouping.Region => "regio", _ => "gemeente" }}",
                    $"{schools.Count} scholen; gemaakt op {DutchCalendar.Format(data.Today)}",
                ],
                Team = await team.PartnershipAsync(scope, beforeMunicipality, schools, year, framework, filter.Regio, filter.Bestuur, snapshot, cancellationToken),
            };
        }

        /// <summary>Links to parts of the dashboard with its filters (the attention lines).</summary>
        private static Func<string, string?, string> Link(string query) =>
            (anchor, extra) => $"{Url}?{query}{(extra is null ? "" : "&" + extra)}{anchor}";

        /// <summary>
        /// Dekkend aanbod: offering items x regions (or municipalities), how many schools offer each; gaps stand out.
        /// </summary>
        private static ReportTable Coverage(FrameworkDefinition framework, IReadOnlyList<SchoolInfo> schools, IReadOnlyDictionary<int, SummaryEntry> current, string yearName, bool byMunicipality)
        {
            var areas = byMunicipality
                ? schools.GroupBy(s => (Key: s.Municipality, Name: Groupings.MunicipalityName(s.Municipality), RegionId: (int?)null)).OrderBy(g => g.Key.Key is null ? 1 : 0).ThenBy(g => g.Key.Name, StringComparer.Ordinal).ToList()
                : schools.GroupBy(s => (Key: s.RegionName, Name: s.RegionName ?? Groupings.NoRegion, s.RegionId)).OrderBy(g => g.Key.Key ?? "~").ToList();
            var table = new ReportTable("dekkend-aanbod", $"Dekkend aanbod {yearName}: aantal scholen per aanbod en {(byMunicipality ? "gemeente" : "regio")}")
            {
                Headers = ["Aanbod", .. areas.Select(r => r.Key.Name), "Totaal"],
                Note = $"Een cel met 'geen' betekent: geen enkele school in die {(byMunicipality ? "gemeente" : "regio")} biedt dit aan. Klik op een aantal om de scholen te zien.",
            };
            foreach (var item in framework.OfferingItems)
            {
                var cells = new List<ReportCell> { item.Name };
                var total = 0;
                foreach (var area in areas)
                {
                    var count = area.Count(s => current.GetValueOrDefault(s.Id) is { IsFinal: true } e && e.Offering.Contains(item.Key));
                    total += count;
                    cells.Add(count == 0
                        ? new ReportCell("0 (geen)", Css: "zb-gap")
                        : new ReportCell(ReportFormat.Count(count), area.Key.RegionId is { } rid ? $"/vinder?aanbod={item.Key}&regio={rid}" : $"/vinder?aanbod={item.Key}"));
                }

                cells.Add(new ReportCell(ReportFormat.Count(total), Css: total == 0 ? "zb-gap" : null));
                table.Rows.Add(cells);
            }

            return table;
        }

        /// <summary>Development points grouped by domain and aspect, the most shared first.</summary>
        private async Task<ReportTable> SharedNeedsAsync(IQueryable<School> scope, FrameworkDefinition framework, YearOption year, CancellationToken cancellationToken)
        {
            var groups = await db.DevelopmentPoints.AsNoTracking()
                .Where(p => p.SchoolYearId == year.Id && scope.Any(s => s.Id == p.SchoolId))
                .GroupBy(p => new { p.DomainKey, p.AspectKey })
                .Select(g => new { g.Key.DomainKey, g.Key.AspectKey, Schools = g.Select(p => p.SchoolId).Distinct().Count(), Points = g.Count() })
                .ToListAsync(cancellationToken);
            var table = new ReportTable("gedeelde-behoeften", $"Gedeelde ontwikkelpunten {year.Name}: waar willen veel scholen in groeien?")
            {
                Headers = ["Domein", "Aspect", "Aantal scholen", "Aantal ontwikkelpunten"],
                EmptyText = "Er zijn nog geen ontwikkelpunten.",
                Note = "Gesorteerd op het aantal scholen, om gezamenlijke scholing te plannen.",
            };
            foreach (var g in groups.OrderByDescending(g => g.Schools).ThenBy(g => g.DomainKey).ThenBy(g => g.AspectKey))
            {
                table.Add(framework.DomainName(g.DomainKey), framework.AspectName(g.AspectKey),
                    new ReportCell(ReportFormat.Count(g.Schools), $"/vinder?domein={g.DomainKey}&aspect={g.AspectKey}"), ReportFormat.Count(g.Points));
            }

            return table;
        }
    }

    /// <summary>What the reminder button posts: the dashboard's own year and filter.</summary>
    public sealed record ReminderForm(string YearName, Filter Filter, int Schools);
}
