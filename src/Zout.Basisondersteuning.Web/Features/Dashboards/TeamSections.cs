using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Phases;
using Zout.Basisondersteuning.Web.Features.Signals;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// The sections of Team Basisondersteuning on the dashboards (issue 11), self-contained with their own report tables:
/// on the partnership dashboard the Behoeften, the implementation phases per board and region, and the connections
/// made; on the board dashboard the phase of each school and its startbijeenkomsten. Same scope and filter as the page.
/// </summary>
public static class TeamSections
{
    public sealed class Partnership
    {
        public required ReportTable Needs { get; init; }
        public required ReportTable PhasesByBoard { get; init; }
        public required ReportTable PhasesByRegion { get; init; }
        public required ReportTable Connections { get; init; }
        public required IReadOnlyDictionary<ImplementationPhase, int> PhaseCounts { get; init; }
        public required int ConnectionsMade { get; init; }
        public required bool CanProposeTraining { get; init; }
        public IEnumerable<ReportTable> Tables => [Needs, PhasesByBoard, PhasesByRegion, Connections];
    }

    public sealed class Board
    {
        public required int BoardId { get; init; }
        public required ReportTable Phases { get; init; }
        public required IReadOnlyDictionary<ImplementationPhase, int> PhaseCounts { get; init; }
        public required int Meetings { get; init; }
        public IEnumerable<ReportTable> Tables => [Phases];
    }

    private static readonly ImplementationPhase[] Columns = [ImplementationPhase.None, .. ImplementationPhases.All];

    public sealed class Handler(AppDbContext db, PhaseQueries phases, Needs.Handler needs, CurrentUser currentUser, DashboardData data)
    {
        /// <param name="scope">The schools of the dashboard's scope (before the municipality filter, as the needs count them).</param>
        /// <param name="scopeSchools">The same schools, as read from the scope.</param>
        /// <param name="schools">The schools the page shows (the municipality filter applied).</param>
        public async Task<Partnership> PartnershipAsync(IQueryable<School> scope, IReadOnlyList<SchoolInfo> scopeSchools, IReadOnlyList<SchoolInfo> schools, YearOption year,
            FrameworkDefinition framework, int? regionId, int? boardId, SummarySnapshot scans, CancellationToken cancellationToken)
        {
            var canPropose = (await currentUser.GetAsync(cancellationToken))?.IsAdmin == true;
            var shown = string.Join(",", schools.Count == scopeSchools.Count ? [] : schools.Select(s => s.Id));
            return await data.MemoActivityAsync("team-swv", scans, scopeSchools, $"{year.Id}|{regionId}|{boardId}|{canPropose}|{shown}",
                () => ComputePartnershipAsync(scope, schools, year, framework, regionId, boardId, canPropose, scans, cancellationToken));
        }

        private async Task<Partnership> ComputePartnershipAsync(IQueryable<School> scope, IReadOnlyList<SchoolInfo> schools, YearOption year, FrameworkDefinition framework,
            int? regionId, int? boardId, bool canPropose, SummarySnapshot scans, CancellationToken cancellationToken)
        {
            var states = await phases.ForSchoolsAsync(scope, cancellationToken, scans);
            var ids = scope.Select(s => s.Id);
            var connections = await db.SchoolConnections.AsNoTracking()
                .Where(c => ids.Contains(c.RequestingSchoolId) || ids.Contains(c.OfferingSchoolId))
                .Select(c => new { c.Status, c.ProposedAt, Region = c.RequestingSchool.Region == null ? null : c.RequestingSchool.Region.Name })
                .ToListAsync(cancellationToken);

            var connectionTable = new ReportTable("verbindingen", "Verbindingen tussen scholen (leren van elkaar), per regio van de school die wil leren")
            {
                Headers = ["Regio", ConnectionStatus.Proposed.ToDutch(), ConnectionStatus.Accepted.ToDutch(), ConnectionStatus.Declined.ToDutch(), "Totaal"],
                EmptyText = "Er zijn nog geen verbindingen voorgesteld.",
            };
            foreach (var region in connections.GroupBy(c => c.Region ?? "Zonder regio").OrderBy(g => g.Key))
            {
                connectionTable.Add(region.Key, Count(region.Count(c => c.Status == ConnectionStatus.Proposed)), Count(region.Count(c => c.Status == ConnectionStatus.Accepted)),
                    Count(region.Count(c => c.Status == ConnectionStatus.Declined)), Count(region.Count()));
            }

            return new Partnership
            {
                Needs = Signals.Needs.Handler.Table(await needs.ForYearAsync(scope, year.Id, year.StartYear, cancellationToken), framework, year.Name, canPropose, regionId, boardId),
                PhasesByBoard = PhaseTable("fases-besturen", "Fase van de invoering per bestuur", "Bestuur",
                    schools.GroupBy(s => (s.BoardName, (string?)$"/bestuur/{s.BoardId}/dashboard")), states),
                PhasesByRegion = PhaseTable("fases-regios", "Fase van de invoering per regio", "Regio",
                    schools.GroupBy(s => (s.RegionName ?? "Zonder regio", (string?)null)), states),
                Connections = connectionTable,
                PhaseCounts = Counts(schools, states),
                ConnectionsMade = connections.Count(c => c.Status == ConnectionStatus.Accepted),
                CanProposeTraining = canPropose,
            };
        }

        public Task<Board> BoardAsync(int boardId, IQueryable<School> scope, IReadOnlyList<SchoolInfo> schools, SummarySnapshot scans, CancellationToken cancellationToken) =>
            data.MemoActivityAsync("team-bestuur", scans, schools, boardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                () => ComputeBoardAsync(boardId, scope, schools, scans, cancellationToken));

        private async Task<Board> ComputeBoardAsync(int boardId, IQueryable<School> scope, IReadOnlyList<SchoolInfo> schools, SummarySnapshot scans, CancellationToken cancellationToken)
        {
            var states = await phases.ForSchoolsAsync(scope, cancellationToken, scans);
            var table = new ReportTable("fases", "Fase van de invoering per school")
            {
                Headers = ["School", "Fase", "Sinds"],
                EmptyText = "Er zijn geen scholen in deze selectie.",
                Note = "Scan ingevuld, startbijeenkomst gehouden, in ontwikkeling, basisondersteuning ingevoerd. De eerste twee volgen uit de scan en de startbijeenkomst; de consulent legt de andere vast.",
            };
            foreach (var school in schools)
            {
                var state = states.GetValueOrDefault(school.Id) ?? new PhaseState(ImplementationPhase.None, null);
                table.Add(new ReportCell(school.Name, $"/school/{school.Code}"), state.Phase.ToDutch(), DutchCalendar.Format(state.Since, "–"));
            }

            return new Board
            {
                BoardId = boardId,
                Phases = table,
                PhaseCounts = Counts(schools, states),
                Meetings = await db.BoardMeetings.CountAsync(m => m.BoardId == boardId, cancellationToken),
            };
        }

        private static Dictionary<ImplementationPhase, int> Counts(IReadOnlyList<SchoolInfo> schools, Dictionary<int, PhaseState> states)
        {
            var counts = CountPerColumn(schools, states);
            return Columns.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => counts[x.i]);
        }

        /// <summary>How many of the schools are in each phase of <see cref="Columns"/>: one pass over the schools (3,000 on a national dashboard).</summary>
        private static int[] CountPerColumn(IEnumerable<SchoolInfo> schools, Dictionary<int, PhaseState> states)
        {
            var counts = new int[Columns.Length];
            foreach (var school in schools) counts[Array.IndexOf(Columns, states.GetValueOrDefault(school.Id)?.Phase ?? ImplementationPhase.None)]++;
            return counts;
        }

        private static ReportTable PhaseTable(string id, string caption, string groupHeader, IEnumerable<IGrouping<(string Name, string? Href), SchoolInfo>> groups,
            Dictionary<int, PhaseState> states)
        {
            var table = new ReportTable(id, caption)
            {
                Headers = [groupHeader, .. Columns.Select(p => p.ToDutch()), "Scholen"],
                EmptyText = "Er zijn geen scholen in deze selectie.",
            };
            foreach (var group in groups.OrderBy(g => g.Key.Name))
            {
                var counts = CountPerColumn(group, states);
                var cells = new List<ReportCell> { new(group.Key.Name, group.Key.Href) };
                cells.AddRange(counts.Select(n => (ReportCell)Count(n)));
                cells.Add(Count(counts.Sum()));
                table.Rows.Add(cells);
            }

            return table;
        }

        private static string Count(int n) => ReportFormat.Count(n);
    }
}
