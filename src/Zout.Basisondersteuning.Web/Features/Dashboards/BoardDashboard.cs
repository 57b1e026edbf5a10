using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Dashboards.Attention;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Documents_ = Zout.Basisondersteuning.Web.Features.Documents;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>Pages made of report tables: the controller finds a table by id for the downloads.</summary>
public interface IReportPage
{
    IEnumerable<ReportTable> Tables { get; }
    string FileName { get; }
}

public sealed record DomainLink(string Key, string Name, bool Selected);

/// <summary>The links that zoom the heatmap in on one domain's aspects, on an address with the dashboard's filters.</summary>
public sealed record DrillDown(IReadOnlyList<DomainLink> Domains, string BaseUrl);

/// <summary>
/// The board's dashboard: what needs attention, its schools' status, heatmap, agreements, verandercapaciteit, key
/// figures, offering, development points, trends and finances.
/// </summary>
public static class BoardDashboard
{
    public sealed class Model : IReportPage
    {
        public required int BoardId { get; init; }
        public required string BoardName { get; init; }
        public required string YearName { get; init; }
        public required IReadOnlyList<Option> Years { get; init; }
        public string? DomainKey { get; init; }
        public required int SchoolCount { get; init; }
        public required IReadOnlyList<DashboardSection> Sections { get; init; }
        public required string Generated { get; init; }
        public string Url => $"/bestuur/{BoardId.ToString(CultureInfo.InvariantCulture)}/dashboard";
        public string PdfUrl => $"{Url}.pdf?jaar={YearName}{(DomainKey is null ? "" : $"&domein={DomainKey}")}";
        /// <summary>Team Basisondersteuning's section: the phase of each school and the startbijeenkomsten (issue 11).</summary>
        public required TeamSections.Board Team { get; init; }
        public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Tables).Concat(Team.Tables);
        public IReadOnlyList<DashboardSection> Toc => DashboardSections.WithTeam(Sections, [("fases", "Fase van de invoering")]);
        public string FileName => $"bestuur-{BoardId.ToString(CultureInfo.InvariantCulture)}-{YearName}";

        public DashboardHandout Handout() => new($"Dashboard {YearName}", $"Dashboard {BoardName}",
            [$"Schooljaar {YearName}", $"{SchoolCount} scholen van {BoardName}", $"Gemaakt op {Generated}"], Sections, Generated);
    }

    /// <summary>What the downloads section offers: a ZIP of all the board's schools' documents, and the comparison report.</summary>
    public sealed record Downloads(int BoardId, string BoardName, string YearName, IReadOnlyList<string> SchoolCodes, string PdfUrl)
    {
        public IReadOnlyList<(string Value, string Label)> Documents => Documents_.BulkDownload.DocumentChoices();
    }

    private sealed record Figures(ReportTable Status, ReportTable Heatmap, ReportTable Distribution, StackedBars DistributionChart,
        ScoreFigures? Agreements, ScoreFigures? ChangeCapacity, KeyFigureFigures? KeyFigures, ReportTable Offering,
        ReportTable TrendDomains, SmallMultiples TrendChart, ReportTable Finances, int Submitted, int Adopted);

    public sealed class Handler(AccessPolicy policy, DashboardData data, AppDbContext db, TeamSections.Handler team)
    {
        /// <summary>The dashboard of a board the [BoardAccess] filter allowed; null when the year has no framework.</summary>
        public async Task<Model?> HandleAsync(BoardRef board, string? yearName, string? domainKey, CancellationToken cancellationToken)
        {
            var boardId = board.Id;
            var years = await data.YearsAsync(cancellationToken);
            var year = data.Resolve(years, yearName);
            var framework = await data.FrameworkAsync(year, cancellationToken);
            if (year is null || framework is null) return null;
            var previousYear = DashboardData.Previous(years, year);
            var previousFramework = await data.FrameworkAsync(previousYear, cancellationToken);

            var scope = (await policy.InternalSchoolsAsync(cancellationToken)).Where(s => s.BoardId == boardId);
            var schools = await data.SchoolsAsync(scope, $"internal|bestuur={boardId}", cancellationToken);
            var snapshot = await data.SummariesAsync(cancellationToken);
            var current = snapshot.ForYear(year.Id);
            var previous = previousYear is null ? snapshot.ForYear(0) : snapshot.ForYear(previousYear.Id);
            var domain = framework.Domains.ByKey(domainKey);
            var trendYears = await data.TrendYearsAsync(years, year, framework, snapshot, cancellationToken);
            var url = $"/bestuur/{boardId.ToString(CultureInfo.InvariantCulture)}/dashboard";

            var figures = data.Memo("bestuur", snapshot, schools, $"{boardId}|{year.Id}|{previousYear?.Id}|{domain?.Key}", () =>
            {
                var groups = Groupings.Schools(schools, s => $"/school/{s.Code}/dashboard?jaar={year.Name}");
                var entries = schools.Select(s => current.GetValueOrDefault(s.Id)).Where(e => e is not null).Cast<SummaryEntry>().ToList();
                var ids = schools.Select(s => s.Id).ToList();
                var (distribution, distributionChart) = DashboardTables.LevelDistribution("verdeling-niveaus",
                    domain is null ? $"Verdeling van de niveaus per domein {year.Name}" : $"Verdeling van de niveaus per aspect van {domain.Name} {year.Name}",
                    framework, entries, domain?.Key);
                var trendDomains = DashboardTables.Trends("trend-domeinen", "Gemiddeld niveau per domein per schooljaar", framework, trendYears, ids, byAspect: false);
                return new Figures(
                    DashboardTables.Status("status", $"Status van de scans {year.Name}", schools, current, s => $"/school/{s.Code}/dashboard?jaar={year.Name}"),
                    DashboardTables.Heatmap("heatmap", domain is null ? $"Scholen x domeinen {year.Name}" : $"Scholen x aspecten van {domain.Name} {year.Name}",
                        groups, framework, current, previousFramework, previous, domain?.Key),
                    distribution, distributionChart,
                    ScoreFigures.For(ScoreKind.Agreements, framework, year, entries, groups, "School", current, previousFramework, previous, trendYears, ids),
                    ScoreFigures.For(ScoreKind.ChangeCapacity, framework, year, entries, groups, "School", current, previousFramework, previous, trendYears, ids),
                    KeyFigureFigures.For(framework, year, previousYear, groups, "School", current, previousFramework, previous, trendYears, ids),
                    DashboardTables.OfferingBySchool("aanbod", $"Aanbod van de scholen {year.Name}", framework, schools, current),
                    trendDomains, DashboardTables.TrendChart(trendDomains, framework),
                    DashboardTables.Finances("financien", $"Financiën {year.Name}", framework, schools, current),
                    schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Submitted),
                    schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Adopted));
            });

            // The board's development points (one query) give the table below and the overdue ones for the attention list.
            var points = await data.MemoActivityAsync("bestuur-points", snapshot, schools, $"{boardId}|{year.Id}",
                () => DevelopmentPointRows(db, schools.Select(s => s.Id).ToList(), year.Id, cancellationToken));
            var overdue = points.Where(p => p.Deadline is { } d && d < data.Today && p.Status != DevelopmentPointStatus.Done)
                .Select(p => new OverduePoint(p.SchoolId, null, p.Deadline!.Value)).ToList();
            var query = $"jaar={year.Name}";
            var attention = data.Memo("bestuur-attention", snapshot, schools, $"{boardId}|{year.Id}|{previousYear?.Id}|{data.Today}|{DashboardData.Signature(overdue)}", () =>
                AttentionList.Evaluate(new AttentionContext
                {
                    Scope = AttentionScope.Board,
                    Today = data.Today,
                    Year = year,
                    Framework = framework,
                    PreviousYear = previousYear,
                    PreviousFramework = previousFramework,
                    Schools = schools,
                    Current = current,
                    Previous = previous,
                    OverduePoints = overdue,
                    Link = (anchor, extra) => $"{url}?{query}{(extra is null ? "" : "&" + extra)}{anchor}",
                }));

            var pointsTable = new ReportTable("ontwikkelpunten", $"Ontwikkelpunten van de scholen {year.Name}")
            {
                Headers = ["School", "Domein", "Aspect", "Ontwikkelpunt", "Streefniveau", "Gereed op", "Status"],
                EmptyText = "Er zijn nog geen ontwikkelpunten.",
                Note = "Een ontwikkelpunt dat over de datum is en nog niet afgerond, staat met 'over de datum' bij de datum.",
            };
            var today = data.Today;
            foreach (var p in points)
            {
                var overdueText = p.Deadline is { } d && d < today && p.Status != DevelopmentPointStatus.Done ? " (over de datum)" : "";
                pointsTable.Add(p.SchoolName, framework.DomainName(p.DomainKey), framework.AspectName(p.AspectKey), p.Title,
                    p.TargetLevel?.ToString(CultureInfo.InvariantCulture) ?? "–", DutchCalendar.Format(p.Deadline, "–") + overdueText, p.Status.ToDutch());
            }

            var drill = new DrillDown(framework.Domains.Select(d => new DomainLink(d.Key, d.Name, d.Key == domain?.Key)).ToList(), $"{url}?{query}");
            var pdfUrl = $"{url}.pdf?{query}{(domain is null ? "" : $"&domein={domain.Key}")}";
            var sections = new List<DashboardSection>
            {
                DashboardSections.Attention(attention),
                new("voltooiing", "Status van de scans",
                [
                    new Paragraph($"{schools.Count} scholen: {figures.Adopted} vastgesteld, {figures.Submitted} ingediend, {schools.Count - figures.Adopted - figures.Submitted} nog niet.", "status-summary"),
                    figures.Status,
                ]),
                new("domeinen", domain is null ? "Scholen per domein" : $"Scholen per aspect van {domain.Name}",
                [
                    new PartialPart("~/Features/Dashboards/_DomainLinks.cshtml", drill),
                    figures.Heatmap,
                    new SubHeading("Verdeling van de niveaus"),
                    new ChartWithTable(figures.DistributionChart, figures.Distribution),
                ]),
            };
            if (figures.Agreements is { } agreements) sections.Add(agreements.Section());
            if (figures.ChangeCapacity is { } capacity) sections.Add(capacity.Section());
            if (figures.KeyFigures is { } keyFigures) sections.Add(keyFigures.Section());
            sections.Add(new("aanbod", "Aanbod van de scholen", [figures.Offering]));
            sections.Add(new("ontwikkelpunten", "Ontwikkelpunten", [pointsTable]));
            sections.Add(new("trends", "Trends", [new ChartWithTable(figures.TrendChart, figures.TrendDomains)]));
            sections.Add(new("financien", "Financiën", [figures.Finances]));
            sections.Add(new("downloads", "Documenten downloaden",
                [new PartialPart("~/Features/Dashboards/Sections/_BoardDownloads.cshtml", new Downloads(boardId, board.Name, year.Name, schools.Select(s => s.Code).ToList(), pdfUrl))],
                InHandout: false));

            return new Model
            {
                BoardId = board.Id,
                BoardName = board.Name,
                YearName = year.Name,
                Years = DashboardData.YearOptions(years, year),
                DomainKey = domain?.Key,
                SchoolCount = schools.Count,
                Sections = sections,
                Generated = DutchCalendar.Format(data.Today),
                Team = await team.BoardAsync(board.Id, scope, schools, snapshot, cancellationToken),
            };
        }
    }

    public sealed record PointRow(int SchoolId, string SchoolName, string DomainKey, string AspectKey, string Title, int? TargetLevel, DateOnly? Deadline, DevelopmentPointStatus Status);

    /// <param name="schoolIds">
    /// The board's schools (the scope the access policy gave, already read): a list of ids keeps the index on (SchoolId,
    /// SchoolYearId) in use; a subquery on the scope per development point was a third of the board dashboard under load.
    /// </param>
    public static async Task<List<PointRow>> DevelopmentPointRows(AppDbContext db, IReadOnlyCollection<int> schoolIds, int yearId, CancellationToken cancellationToken) =>
        await db.DevelopmentPoints.AsNoTracking()
            .Where(p => schoolIds.Contains(p.SchoolId) && p.SchoolYearId == yearId)
            .OrderBy(p => p.School.Name).ThenBy(p => p.DomainKey).ThenBy(p => p.AspectKey)
            .Select(p => new PointRow(p.SchoolId, p.School.Name, p.DomainKey, p.AspectKey, p.Title, p.TargetLevel, p.Deadline, p.Status))
            .ToListAsync(cancellationToken);
}
