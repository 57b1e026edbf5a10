using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Dashboards.Attention;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

public sealed record BarValue(string Label, double? Now, double? Before);

/// <summary>
/// The school's own dashboard: what needs attention, scan status and deadline, its levels against last year, its
/// agreements and verandercapaciteit next to its board and the partnership, its key figures, its development points
/// and who to learn from.
/// </summary>
public static class SchoolDashboard
{
    public sealed class Model : IReportPage
    {
        public required string Code { get; init; }
        public required string SchoolName { get; init; }
        public required string YearName { get; init; }
        public required IReadOnlyList<Option> Years { get; init; }
        public required IReadOnlyList<DashboardSection> Sections { get; init; }
        public required string Generated { get; init; }
        public string PdfUrl => $"/school/{Code}/dashboard.pdf?jaar={YearName}";
        public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Tables);
        public string FileName => $"school-{Code}-{YearName}";

        public DashboardHandout Handout() => new($"Dashboard {YearName}", $"Dashboard {SchoolName}", [$"Schooljaar {YearName}", $"Gemaakt op {Generated}"], Sections, Generated);
    }

    /// <summary>The scan's state and the links of the school's own pages.</summary>
    public sealed record ScanFacts(string Code, string YearName, string StatusText, string? Deadline, string PdfUrl);

    public sealed class Handler(AppDbContext db, DashboardData data, AccessPolicy policy)
    {
        public async Task<Model?> HandleAsync(SchoolAccess access, string? yearName, CancellationToken cancellationToken)
        {
            var years = await data.YearsAsync(cancellationToken);
            var year = data.Resolve(years, yearName);
            var framework = await data.FrameworkAsync(year, cancellationToken);
            if (year is null || framework is null) return null;
            var previousYear = DashboardData.Previous(years, year);
            var previousFramework = await data.FrameworkAsync(previousYear, cancellationToken);
            var school = access.School!;
            var snapshot = await data.SummariesAsync(cancellationToken);
            var current = snapshot.ForYear(year.Id);
            var previous = snapshot.ForYear(previousYear?.Id ?? 0);
            var now = current.GetValueOrDefault(access.SchoolId);
            var before = previous.GetValueOrDefault(access.SchoolId);
            var trendYears = await data.TrendYearsAsync(years, year, framework, snapshot, cancellationToken);

            // Everything below is kept in memory (with the HTML of its tables) until something it shows changes: this
            // school's scans, any submitted or adopted scan (the averages and the schools to learn from), the school
            // list, Team Basisondersteuning's work (the development points), the school years, the day.
            var all = await data.AllSchoolsAsync(cancellationToken);
            var own = snapshot.VersionOf([access.SchoolId]);
            var kept = await data.MemoActivityAsync("school", snapshot, all,
                $"{access.SchoolId}|{year}|{own.Stamp}|{own.Count}|{data.Today}|{string.Join(";", years)}", async () =>
            {
                var levels = new ReportTable("niveaus", $"Niveaus {year.Name} per domein en aspect" + (previousYear is null ? "" : $", met {previousYear.Name}"))
                {
                    Headers = ["Domein", .. framework.Aspects.Select(a => a.Name), "Gemiddeld"],
                    Note = "Niveau 1 niet aanwezig tot 4 sterk en geborgd. Tussen haakjes het niveau van vorig jaar; '–' is niet ingevuld of stond vorig jaar niet in het kader.",
                };
                var bars = new List<BarValue>();
                foreach (var domain in framework.Domains)
                {
                    var cells = new List<ReportCell> { domain.Name };
                    foreach (var aspect in framework.Aspects)
                    {
                        var value = now?.Level(domain.Key, aspect.Key);
                        var last = before is not null && previousFramework is not null ? DashboardTables.AspectLevel(before, previousFramework, domain.Key, aspect.Key) : null;
                        var text = value?.ToString(CultureInfo.InvariantCulture) ?? "–";
                        if (previousYear is not null) text += $" (vorig jaar {(last is { } l ? l.ToString(PortalSetup.Dutch) : "–")})";
                        cells.Add(new ReportCell(text, Css: ReportFormat.Heat(value)));
                    }

                    var average = now?.DomainAverage(domain.Key);
                    var averageBefore = before is not null && previousFramework is not null ? DashboardTables.DomainAverage(before, previousFramework, domain.Key) : null;
                    cells.Add(new ReportCell(ReportFormat.LevelWithChange(average, averageBefore), Css: ReportFormat.Heat(average)));
                    levels.Rows.Add(cells);
                    bars.Add(new BarValue(domain.Name, average, averageBefore));
                }

                var points = await db.DevelopmentPoints.AsNoTracking()
                    .Where(p => p.SchoolId == access.SchoolId && p.SchoolYearId == year.Id)
                    .OrderBy(p => p.DomainKey).ThenBy(p => p.AspectKey)
                    .Select(p => new { p.DomainKey, p.AspectKey, p.Title, p.CurrentLevel, p.TargetLevel, p.Deadline, p.Status })
                    .ToListAsync(cancellationToken);
                var today = data.Today;
                var pointsTable = new ReportTable("ontwikkelpunten", $"Ontwikkelpunten {year.Name}")
                {
                    Headers = ["Domein", "Aspect", "Ontwikkelpunt", "Van niveau", "Naar niveau", "Gereed op", "Status"],
                    EmptyText = "Er zijn nog geen ontwikkelpunten voor dit schooljaar.",
                };
                foreach (var p in points)
                {
                    var overdueText = p.Deadline is { } d && d < today && p.Status != DevelopmentPointStatus.Done ? " (over de datum)" : "";
                    pointsTable.Add(framework.DomainName(p.DomainKey), framework.AspectName(p.AspectKey), p.Title,
                        p.CurrentLevel?.ToString(CultureInfo.InvariantCulture) ?? "–", p.TargetLevel?.ToString(CultureInfo.InvariantCulture) ?? "–",
                        DutchCalendar.Format(p.Deadline, "–") + overdueText, p.Status.ToDutch());
                }

                // Matchmaking: schools in the same region that are strong (level 4) where this school wants to grow.
                var matches = new ReportTable("leren-van-elkaar", "Leren van elkaar: scholen in uw regio die sterk zijn in uw ontwikkelpunten")
                {
                    Headers = ["Ontwikkelpunt", "Domein en aspect", "School", "Contactpersoon"],
                    EmptyText = points.Count == 0 ? "Zodra er ontwikkelpunten zijn, staan hier scholen die daar sterk in zijn." : "Geen scholen in uw regio zijn hier (nog) sterk in.",
                    Note = "Scholen met niveau 4 (sterk en geborgd, kan anderen ondersteunen) in hun meest recente ingediende of vastgestelde scan.",
                };
                if (points.Count > 0 && school.RegionId is { } regionId)
                {
                    var neighbours = await data.SchoolsAsync(policy.PublicSchools().Where(s => s.RegionId == regionId && s.Id != access.SchoolId), $"public|regio={regionId}|behalve={access.SchoolId}", cancellationToken);
                    var latest = ExpertiseFinder.Latest(snapshot, years);
                    foreach (var p in points)
                    {
                        foreach (var other in neighbours)
                        {
                            if (!latest.TryGetValue(other.Id, out var found) || found.Entry.Level(p.DomainKey, p.AspectKey) != ExpertiseFinder.StrongLevel) continue;
                            matches.Add(p.Title, $"{framework.DomainName(p.DomainKey)}: {framework.AspectName(p.AspectKey)}", new ReportCell(other.Name, $"/scholen/{other.Code}"),
                                other.ContactName is null ? "–" : $"{other.ContactName} ({other.ContactEmail})");
                        }
                    }
                }

                // The board's and the partnership's averages: aggregates over every school, never a school's own score.
                var comparisons = data.Memo("school-averages", snapshot, all, $"{year.Id}|{school.BoardId}", () =>
                {
                    var partnership = ScoreTables.Final(all.Select(s => s.Id), current);
                    var board = ScoreTables.Final(all.Where(s => s.BoardId == school.BoardId).Select(s => s.Id), current);
                    return ScoreKinds.Select(kind => (Kind: kind, Board: SchoolComparison.Of(kind, framework, board), Partnership: SchoolComparison.Of(kind, framework, partnership))).ToList();
                });

                var sections = new List<DashboardSection>
                {
                    DashboardSections.Attention(AttentionList.Evaluate(new AttentionContext
                    {
                        Scope = AttentionScope.School,
                        Today = today,
                        Year = year,
                        Framework = framework,
                        PreviousYear = previousYear,
                        PreviousFramework = previousFramework,
                        Schools = [new SchoolInfo(school.Id, school.LocationCode, school.Name, school.BoardId, "", school.RegionId, null, school.PupilCount, null, null, null)],
                        Current = current,
                        Previous = previous,
                        OverduePoints = points.Where(p => p.Deadline is { } d && d < today && p.Status != DevelopmentPointStatus.Done)
                            .Select(p => new OverduePoint(access.SchoolId, p.Title, p.Deadline!.Value)).ToList(),
                        PlannedCells = points.Select(p => (p.DomainKey, p.AspectKey)).ToHashSet(),
                        Link = (anchor, _) => $"/school/{school.LocationCode}/dashboard?jaar={year.Name}{anchor}",
                        ScanUrl = $"/school/{school.LocationCode}/scan/{year.Name}",
                        DevelopmentPointsUrl = $"/school/{school.LocationCode}/ontwikkelpunten?jaar={year.Name}",
                    })),
                    new("scan", $"Scan {year.Name}",
                    [
                        new PartialPart("~/Features/Dashboards/Sections/_SchoolScan.cshtml",
                            new ScanFacts(school.LocationCode, year.Name, (now?.Status).ToDutch(), year.ScanClosesOn?.ToString("d MMMM yyyy", PortalSetup.Dutch), $"/school/{school.LocationCode}/dashboard.pdf?jaar={year.Name}"),
                            Interactive: false),
                    ]),
                    new("domeinen", "Domeinen en aspecten",
                    [
                        new BarChart("domeinen", $"Gemiddeld niveau per domein {year.Name}", bars, year.Name, previousYear?.Name),
                        levels,
                    ]),
                };
                foreach (var (kind, board, partnership) in comparisons)
                {
                    if (kind.Items(framework).Count == 0) continue;
                    sections.Add(new(kind.Id, kind.Title,
                    [
                        SchoolComparison.Table(kind, $"{kind.Title} {year.Name}: uw school naast uw bestuur en het samenwerkingsverband", framework, now,
                            before, previousFramework, previousYear?.Name, board, partnership),
                    ]));
                }

                if (framework.KeyFigures.Count > 0)
                {
                    sections.Add(new(KeyFigureFigures.SectionId, "Kengetallen",
                    [
                        KeyFigureTables.OfSchool("kengetallen-school", "Kengetallen van uw school per schooljaar", framework,
                            trendYears.Select(y => (y.Year, y.Framework, y.Scans.GetValueOrDefault(access.SchoolId))).ToList()),
                    ]));
                }

                sections.Add(new("ontwikkelpunten", "Ontwikkelpunten", [pointsTable]));
                sections.Add(new("leren-van-elkaar", "Leren van elkaar",
                    [matches, new PartialPart("~/Features/Dashboards/Sections/_FinderLink.cshtml", "")]));
                return sections;
            });

            return new Model
            {
                Code = access.LocationCode,
                SchoolName = school.Name,
                YearName = year.Name,
                Years = DashboardData.YearOptions(years, year),
                Sections = kept,
                Generated = DutchCalendar.Format(data.Today),
            };
        }
    }

    private static readonly ScoreKind[] ScoreKinds = [ScoreKind.Agreements, ScoreKind.ChangeCapacity];
}
