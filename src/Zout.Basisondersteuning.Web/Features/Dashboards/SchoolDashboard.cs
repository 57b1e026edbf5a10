using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

public sealed record BarValue(string Label, double? Now, double? Before);

/// <summary>The school's own dashboard: scan status and deadline, its levels against last year, its development points and who to learn from.</summary>
public static class SchoolDashboard
{
    public sealed class Model : IReportPage
    {
        public required string Code { get; init; }
        public required string SchoolName { get; init; }
        public required string YearName { get; init; }
        public string? PreviousYearName { get; init; }
        public required IReadOnlyList<Option> Years { get; init; }
        public required string StatusText { get; init; }
        public string? Deadline { get; init; }
        public required IReadOnlyList<BarValue> DomainBars { get; init; }
        public required ReportTable Levels { get; init; }
        public required ReportTable DevelopmentPoints { get; init; }
        public required ReportTable Matches { get; init; }
        public IEnumerable<ReportTable> Tables => [Levels, DevelopmentPoints, Matches];
        public string FileName => $"school-{Code}-{YearName}";
    }

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
            var school = await db.Schools.AsNoTracking().Where(s => s.Id == access.SchoolId).Select(s => new { s.Name, s.RegionId }).SingleAsync(cancellationToken);
            var snapshot = await data.SummariesAsync(cancellationToken);
            var now = snapshot.ForYear(year.Id).GetValueOrDefault(access.SchoolId);
            var before = previousYear is null ? null : snapshot.ForYear(previousYear.Id).GetValueOrDefault(access.SchoolId);

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
            var pointsTable = new ReportTable("ontwikkelpunten", $"Ontwikkelpunten {year.Name}")
            {
                Headers = ["Domein", "Aspect", "Ontwikkelpunt", "Van niveau", "Naar niveau", "Gereed op", "Status"],
                EmptyText = "Er zijn nog geen ontwikkelpunten voor dit schooljaar.",
            };
            foreach (var p in points)
            {
                pointsTable.Add(framework.DomainName(p.DomainKey), framework.AspectName(p.AspectKey), p.Title,
                    p.CurrentLevel?.ToString(CultureInfo.InvariantCulture) ?? "–", p.TargetLevel?.ToString(CultureInfo.InvariantCulture) ?? "–",
                    p.Deadline?.ToString("d MMMM yyyy", PortalSetup.Dutch) ?? "–", p.Status.ToDutch());
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
                var neighbours = await data.SchoolsAsync(policy.PublicSchools().Where(s => s.RegionId == regionId && s.Id != access.SchoolId), cancellationToken);
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

            return new Model
            {
                Code = access.LocationCode,
                SchoolName = school.Name,
                YearName = year.Name,
                PreviousYearName = previousYear?.Name,
                Years = DashboardData.YearOptions(years, year),
                StatusText = (now?.Status).ToDutch(),
                Deadline = year.ScanClosesOn?.ToString("d MMMM yyyy", PortalSetup.Dutch),
                DomainBars = bars,
                Levels = levels,
                DevelopmentPoints = pointsTable,
                Matches = matches,
            };
        }
    }
}
