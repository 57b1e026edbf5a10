using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Scans;
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

/// <summary>The board's dashboard: its schools' status, heatmap, offering, development points and finances.</summary>
public static class BoardDashboard
{
    public sealed class Model : IReportPage
    {
        public required int BoardId { get; init; }
        public required string BoardName { get; init; }
        public required string YearName { get; init; }
        public required IReadOnlyList<Option> Years { get; init; }
        public required IReadOnlyList<DomainLink> Domains { get; init; }
        public string? DomainName { get; init; }
        public required int SchoolCount { get; init; }
        public required int Submitted { get; init; }
        public required int Adopted { get; init; }
        public required ReportTable Status { get; init; }
        public required ReportTable Heatmap { get; init; }
        public required ReportTable Offering { get; init; }
        public required ReportTable DevelopmentPoints { get; init; }
        public required ReportTable Finances { get; init; }

        /// <summary>Team Basisondersteuning's section: the phase of each school (issue 11).</summary>
        public required TeamSections.Board Team { get; init; }
        /// <summary>The board's schools, for the download of all their documents at once.</summary>
        public required IReadOnlyList<string> SchoolCodes { get; init; }
        public IReadOnlyList<(string Value, string Label)> Documents => Documents_.BulkDownload.DocumentChoices();
        public string Url => $"/bestuur/{BoardId}/dashboard";
        public IEnumerable<ReportTable> Tables => [Status, Heatmap, Offering, DevelopmentPoints, Finances, .. Team.Tables];
        public string FileName => $"bestuur-{BoardId}-{YearName}";
    }

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
            var schools = await data.SchoolsAsync(scope, cancellationToken);
            var snapshot = await data.SummariesAsync(cancellationToken);
            var current = snapshot.ForYear(year.Id);
            var previous = previousYear is null ? snapshot.ForYear(0) : snapshot.ForYear(previousYear.Id);
            var domain = framework.Domains.ByKey(domainKey);

            var groups = schools.Select(s => new HeatmapGroup(new ReportCell(s.Name, $"/school/{s.Code}/dashboard?jaar={year.Name}"), [s.Id])).ToList();
            var heatmap = DashboardTables.Heatmap("heatmap",
                domain is null ? $"Scholen x domeinen {year.Name}" : $"Scholen x aspecten van {domain.Name} {year.Name}",
                groups, framework, current, previousFramework, previous, domain?.Key);

            var points = await DevelopmentPointRows(db, scope, year.Id, cancellationToken);
            var pointsTable = new ReportTable("ontwikkelpunten", $"Ontwikkelpunten van de scholen {year.Name}")
            {
                Headers = ["School", "Domein", "Aspect", "Ontwikkelpunt", "Streefniveau", "Status"],
                EmptyText = "Er zijn nog geen ontwikkelpunten.",
            };
            foreach (var p in points)
            {
                pointsTable.Add(p.SchoolName, framework.DomainName(p.DomainKey), framework.AspectName(p.AspectKey), p.Title,
                    p.TargetLevel?.ToString(CultureInfo.InvariantCulture) ?? "–", p.Status.ToDutch());
            }

            return new Model
            {
                BoardId = board.Id,
                BoardName = board.Name,
                YearName = year.Name,
                Years = DashboardData.YearOptions(years, year),
                Domains = framework.Domains.Select(d => new DomainLink(d.Key, d.Name, d.Key == domain?.Key)).ToList(),
                DomainName = domain?.Name,
                SchoolCount = schools.Count,
                SchoolCodes = schools.Select(s => s.Code).ToList(),
                Submitted = schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Submitted),
                Adopted = schools.Count(s => current.GetValueOrDefault(s.Id)?.Status == ScanStatus.Adopted),
                Status = DashboardTables.Status("status", $"Status van de scans {year.Name}", schools, current, s => $"/school/{s.Code}/dashboard?jaar={year.Name}"),
                Heatmap = heatmap,
                Offering = DashboardTables.OfferingBySchool("aanbod", $"Aanbod van de scholen {year.Name}", framework, schools, current),
                DevelopmentPoints = pointsTable,
                Finances = DashboardTables.Finances("financien", $"Financiën {year.Name}", framework, schools, current),
                Team = await team.BoardAsync(board.Id, scope, schools, cancellationToken),
            };
        }
    }

    public sealed record PointRow(string SchoolName, string DomainKey, string AspectKey, string Title, int? TargetLevel, DevelopmentPointStatus Status);

    public static async Task<List<PointRow>> DevelopmentPointRows(AppDbContext db, IQueryable<Domain.School> scope, int yearId, CancellationToken cancellationToken) =>
        await db.DevelopmentPoints.AsNoTracking()
            .Where(p => p.SchoolYearId == yearId && scope.Any(s => s.Id == p.SchoolId))
            .OrderBy(p => p.School.Name).ThenBy(p => p.DomainKey).ThenBy(p => p.AspectKey)
            .Select(p => new PointRow(p.School.Name, p.DomainKey, p.AspectKey, p.Title, p.TargetLevel, p.Status))
            .ToListAsync(cancellationToken);
}
