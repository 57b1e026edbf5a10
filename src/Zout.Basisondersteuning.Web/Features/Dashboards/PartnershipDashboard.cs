using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// The partnership's dashboard over the schools the user may see, filtered by region, board and school
/// year: completion, heatmap, dekkend aanbod, trends, shared needs and finances.
/// </summary>
public static class PartnershipDashboard
{
    public sealed record Filter(string? Jaar, int? Regio, int? Bestuur, string? Domein);

    public sealed class Model : IReportPage
    {
        public required Filter Filter { get; init; }
        public required string YearName { get; init; }
        public required IReadOnlyList<Option> Years { get; init; }
        public required IReadOnlyList<Option> Regions { get; init; }
        public required IReadOnlyList<Option> Boards { get; init; }
        public required IReadOnlyList<DomainLink> Domains { get; init; }
        public string? DomainName { get; init; }
        public required int SchoolCount { get; init; }
        public required int Submitted { get; init; }
        public required int Adopted { get; init; }
        public required ReportTable Completion { get; init; }
        public required ReportTable Heatmap { get; init; }
        public required ReportTable Coverage { get; init; }
        public required ReportTable TrendDomains { get; init; }
        public required ReportTable TrendAspects { get; init; }
        public required ReportTable SharedNeeds { get; init; }
        public required ReportTable Finances { get; init; }

        /// <summary>Team Basisondersteuning's sections: needs, phases, connections (issue 11).</summary>
        public required TeamSections.Partnership Team { get; init; }
        public IEnumerable<ReportTable> Tables => [Completion, Heatmap, Coverage, TrendDomains, TrendAspects, SharedNeeds, Finances, .. Team.Tables];
        public string FileName => $"swv-{YearName}";

        public string Query(string? domain = null, bool keepDomain = false)
        {
            var parts = new List<string> { $"jaar={YearName}" };
            if (Filter.Regio is { } r) parts.Add($"regio={r}");
            if (Filter.Bestuur is { } b) parts.Add($"bestuur={b}");
            var d = domain ?? (keepDomain ? Filter.Domein : null);
            if (d is not null) parts.Add($"domein={d}");
            return string.Join("&", parts);
        }
    }

    /// <summary>The schools in the user's scope, narrowed by the filter.</summary>
    public static async Task<IQueryable<School>> ScopeAsync(AccessPolicy policy, Filter filter, CancellationToken cancellationToken)
    {
        var scope = await policy.InternalSchoolsAsync(cancellationToken);
        if (filter.Regio is { } region) scope = scope.Where(s => s.RegionId == region);
        if (filter.Bestuur is { } board) scope = scope.Where(s => s.BoardId == board);
        return scope;
    }

    private sealed record Figures(ReportTable Heatmap, ReportTable Completion, ReportTable Coverage, ReportTable TrendDomains, ReportTable TrendAspects, ReportTable Finances, int Submitted, int Adopted);

    public sealed class Handler(AccessPolicy policy, DashboardData data, AppDbContext db, TeamSections.Handler team)
    {
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

            var scope = await ScopeAsync(policy, filter, cancellationToken);
            var schools = await data.SchoolsAsync(scope, cancellationToken);
            var snapshot = await data.SummariesAsync(cancellationToken);
            var current = snapshot.ForYear(year.Id);
            var previous = snapshot.ForYear(previousYear?.Id ?? 0);
            var domain = framework.Domains.ByKey(filter.Domein);
            var visibleBoards = await (await policy.VisibleBoardsAsync(cancellationToken)).AsNoTracking().OrderBy(b => b.Name)
                .Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken);

            var trendYears = new List<(YearOption, Domain.Scans.FrameworkDefinition?, IReadOnlyDictionary<int, SummaryEntry>)>();
            foreach (var y in years.Where(y => y.StartYear <= year.StartYear).TakeLast(5))
            {
                trendYears.Add((y, y.Id == year.Id ? framework : await data.FrameworkAsync(y, cancellationToken), snapshot.ForYear(y.Id)));
            }

            var figures = data.Memo("swv", snapshot, schools, $"{year.Id}|{previousYear?.Id}|{filter.Bestuur}|{domain?.Key}", () =>
            {
                // Rows of the heatmap: boards, or the schools of one board.
                var groups = filter.Bestuur is null
                    ? schools.GroupBy(s => (s.BoardId, s.BoardName)).OrderBy(g => g.Key.BoardName)
                        .Select(g => new HeatmapGroup(new ReportCell(g.Key.BoardName, $"/bestuur/{g.Key.BoardId}/dashboard?jaar={year.Name}"), g.Select(s => s.Id).ToList())).ToList()
                    : schools.Select(s => new HeatmapGroup(new ReportCell(s.Name, $"/school/{s.Code}/dashboard?jaar={year.Name}"), [s.Id])).ToList();
                var heatmap = DashboardTables.Heatmap("heatmap",
                    (filter.Bestuur is null ? "Besturen" : "Scholen") + (domain is null ? $" x domeinen {year.Name}" : $" x aspecten van {domain.Name} {year.Name}"),
                    groups, framework, current, previousFramework, previous, domain?.Key);
                var open = schools.Where(s => current.GetValueOrDefault(s.Id) is not { IsFinal: true }).ToList();
                var completion = DashboardTables.Status("voltooiing", $"Scholen die hun scan {year.Name} nog niet hebben ingediend of vastgesteld", open, current, s => $"/school/{s.Code}/dashboard?jaar={year.Name}");
                var ids = schools.Select(s => s.Id).ToList();
                return new Figures(heatmap, completion, Coverage(framework, schools, current, year.Name),
                    DashboardTables.Trends("trend-domeinen", "Gemiddeld niveau per domein per schooljaar", framework, trendYears, ids, byAspect: false),
                    DashboardTables.Trends("trend-aspecten", "Gemiddeld niveau per aspect per schooljaar", framework, trendYears, ids, byAspect: true),
                    DashboardTables.Finances("financien", $"Financiën {year.Name}", framework, schools, current),
                    schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Submitted),
                    schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Adopted));
            });

            return new Model
            {
                Filter = filter,
                YearName = year.Name,
                Years = DashboardData.YearOptions(years, year),
                Regions = await data.RegionOptionsAsync(filter.Regio, cancellationToken),
                Boards = visibleBoards.Select(b => new Option(b.Id.ToString(CultureInfo.InvariantCulture), b.Name, b.Id == filter.Bestuur)).ToList(),
                Domains = framework.Domains.Select(d => new DomainLink(d.Key, d.Name, d.Key == domain?.Key)).ToList(),
                DomainName = domain?.Name,
                SchoolCount = schools.Count,
                Submitted = figures.Submitted,
                Adopted = figures.Adopted,
                Completion = figures.Completion,
                Heatmap = figures.Heatmap,
                Coverage = figures.Coverage,
                TrendDomains = figures.TrendDomains,
                TrendAspects = figures.TrendAspects,
                SharedNeeds = await SharedNeedsAsync(scope, framework, year, cancellationToken),
                Finances = figures.Finances,
                Team = await team.PartnershipAsync(scope, schools, year, framework, filter.Regio, filter.Bestuur, cancellationToken),
            };
        }

        /// <summary>Dekkend aanbod: offering items x regions, how many schools offer each; gaps stand out.</summary>
        private static ReportTable Coverage(Domain.Scans.FrameworkDefinition framework, IReadOnlyList<SchoolInfo> schools, IReadOnlyDictionary<int, SummaryEntry> current, string yearName)
        {
            var regions = schools.GroupBy(s => (s.RegionId, s.RegionName)).OrderBy(g => g.Key.RegionName ?? "~").ToList();
            var table = new ReportTable("dekkend-aanbod", $"Dekkend aanbod {yearName}: aantal scholen per aanbod en regio")
            {
                Headers = ["Aanbod", .. regions.Select(r => r.Key.RegionName ?? "Zonder regio"), "Totaal"],
                Note = "Een cel met 'geen' betekent: geen enkele school in die regio biedt dit aan. Klik op een aantal om de scholen te zien.",
            };
            foreach (var item in framework.OfferingItems)
            {
                var cells = new List<ReportCell> { item.Name };
                var total = 0;
                foreach (var region in regions)
                {
                    var count = region.Count(s => current.GetValueOrDefault(s.Id) is { IsFinal: true } e && e.Offering.Contains(item.Key));
                    total += count;
                    cells.Add(count == 0
                        ? new ReportCell("0 (geen)", Css: "zb-gap")
                        : new ReportCell(ReportFormat.Count(count), region.Key.RegionId is { } rid ? $"/vinder?aanbod={item.Key}&regio={rid}" : $"/vinder?aanbod={item.Key}"));
                }

                cells.Add(new ReportCell(ReportFormat.Count(total), Css: total == 0 ? "zb-gap" : null));
                table.Rows.Add(cells);
            }

            return table;
        }

        /// <summary>Development points grouped by domain and aspect, the most shared first.</summary>
        private async Task<ReportTable> SharedNeedsAsync(IQueryable<School> scope, Domain.Scans.FrameworkDefinition framework, YearOption year, CancellationToken cancellationToken)
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
}
