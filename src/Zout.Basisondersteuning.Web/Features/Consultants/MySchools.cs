using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Features.Phases;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Consultants;

/// <summary>
/// "Mijn scholen", the consultant's home: the schools they are the fixed contact person of (or every school they may
/// see), one row per school with what needs attention. The admin opens the page of any consultant, to hand schools
/// over. Each figure comes from one grouped query, whatever the number of schools.
/// </summary>
public static class MySchools
{
    public sealed class Query
    {
        public string? Consultant { get; set; }
        public bool Alle { get; set; }
        public int? Regio { get; set; }
        public int? Bestuur { get; set; }
        public string? Sorteer { get; set; }
    }

    public static readonly IReadOnlyList<(string Value, string Label)> Sortings =
    [
        ("naam", "Naam van de school"),
        ("fase", "Fase van de invoering (eerste fase eerst)"),
        ("vragen", "Open vragen (meeste eerst)"),
        ("te-laat", "Ontwikkelpunten over de deadline (meeste eerst)"),
        ("laatste-gesprek", "Laatste gesprek (langst geleden eerst)"),
        ("volgend-gesprek", "Volgend gesprek (eerstvolgende eerst)"),
        ("scan", "Scan (minst ver eerst)"),
    ];

    public sealed record Row(
        int Id, string Code, string Name, string? Region, string Board, ScanStatus Scan, string? SopYear, DateOnly? SopDate, PhaseState Phase,
        DateOnly? LastConversation, DateOnly? NextConversation, int OpenRequests, int NewRequests, int OpenPoints, int OverduePoints, int Signals);

    public sealed record Option(string Value, string Text, bool Selected);

    public sealed class Model : IReportPage
    {
        public required Query Query { get; init; }
        public required string Heading { get; init; }
        public required string? ConsultantName { get; init; }
        public required string? ConsultantId { get; init; }
        public required bool IsAdmin { get; init; }
        public required string? YearName { get; init; }
        public required IReadOnlyList<Option> Consultants { get; init; }
        public required IReadOnlyList<Option> Regions { get; init; }
        public required IReadOnlyList<Option> Boards { get; init; }
        public required IReadOnlyList<Row> Rows { get; init; }
        public required ReportTable Schools { get; init; }
        public IEnumerable<ReportTable> Tables => [Schools];
        public string FileName => "mijn-scholen";
        public int NewRequests => Rows.Sum(r => r.NewRequests);
        public int OpenRequests => Rows.Sum(r => r.OpenRequests);
        public int Overdue => Rows.Sum(r => r.OverduePoints);
    }

    public sealed class Handler(AppDbContext db, AccessPolicy policy, PhaseQueries phases, Scans.ScanContextLoader scans, TimeProvider time)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var user = await policy.UserAsync(cancellationToken) ?? throw new InvalidOperationException("Mijn scholen needs a signed-in user.");
            var consultants = await db.Users.AsNoTracking()
                .Where(u => u.Role == UserRole.Consultant && u.IsActive)
                .OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName })
                .ToListAsync(cancellationToken);
            // Consultants see their own page; the admin any consultant's (default: the first), or all schools.
            var consultantId = user.IsAdmin ? query.Consultant ?? consultants.FirstOrDefault()?.Id : user.UserId;
            var consultantName = user.IsAdmin ? consultants.FirstOrDefault(c => c.Id == consultantId)?.DisplayName : user.DisplayName;
            if (user.IsAdmin && consultantName is null) consultantId = null;

            var scope = (await policy.InternalSchoolsAsync(cancellationToken)).Where(s => s.IsActive);
            if (!query.Alle) scope = scope.Where(s => s.ContactPersonId == consultantId);
            if (query.Regio is { } region) scope = scope.Where(s => s.RegionId == region);
            if (query.Bestuur is { } board) scope = scope.Where(s => s.BoardId == board);

            var today = time.Today();
            var yearName = await scans.DefaultYearAsync(cancellationToken);
            var rows = await RowsAsync(scope, yearName, today, cancellationToken);
            rows = Sort(rows, query.Sorteer).ToList();

            var heading = query.Alle ? "Alle scholen die ik mag zien"
                : user.IsAdmin ? consultantName is null ? "Mijn scholen" : $"Scholen van {consultantName}"
                : "Mijn scholen";
            var boards = await policy.VisibleBoardListAsync(cancellationToken);
            var regions = await policy.RegionListAsync(cancellationToken);
            return new Model
            {
                Query = query,
                Heading = heading,
                ConsultantName = consultantName,
                ConsultantId = consultantId,
                IsAdmin = user.IsAdmin,
                YearName = yearName,
                Consultants = consultants.Select(c => new Option(c.Id, c.DisplayName, c.Id == consultantId)).ToList(),
                Regions = regions.Select(r => new Option(r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Id == query.Regio)).ToList(),
                Boards = boards.Select(b => new Option(b.Id.ToString(CultureInfo.InvariantCulture), b.Name, b.Id == query.Bestuur)).ToList(),
                Rows = rows,
                Schools = Table(rows, yearName, today, query.Alle ? "Alle scholen die ik mag zien" : heading),
            };
        }

        private async Task<List<Row>> RowsAsync(IQueryable<School> scope, string? yearName, DateOnly today, CancellationToken cancellationToken)
        {
            var ids = scope.Select(s => s.Id);
            var schools = await scope.AsNoTracking().OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.LocationCode, s.Name, Region = s.Region == null ? null : s.Region.Name, Board = s.Board.Name })
                .ToListAsync(cancellationToken);
            var year = yearName is null ? null : await db.SchoolYears.AsNoTracking().Where(y => y.Name == yearName).Select(y => new { y.Id, y.StartYear }).SingleOrDefaultAsync(cancellationToken);
            var yearId = year?.Id ?? -1;
            var scansNow = await db.Scans.AsNoTracking().Where(s => s.SchoolYearId == yearId && ids.Contains(s.SchoolId))
                .Select(s => new { s.SchoolId, s.Status }).ToDictionaryAsync(s => s.SchoolId, s => s.Status, cancellationToken);
            var sops = (await db.PublishedDocuments.AsNoTracking()
                    .Where(d => d.Kind == PublishedDocumentKind.SupportProfile && ids.Contains(d.SchoolId))
                    .Select(d => new { d.SchoolId, d.Version, d.PublishedAt, Year = d.SchoolYear.Name })
                    .ToListAsync(cancellationToken))
                .GroupBy(d => d.SchoolId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Version).First());
            var states = await phases.ForSchoolsAsync(scope, cancellationToken);
            var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.SchoolId))
                .GroupBy(c => c.SchoolId)
                .Select(g => new { SchoolId = g.Key, Last = g.Max(c => c.Date), Next = g.Where(c => c.NextDate >= today).Min(c => c.NextDate) })
                .ToDictionaryAsync(x => x.SchoolId, cancellationToken);
            var requests = await db.SupportRequests.AsNoTracking().Where(r => r.Status != SupportRequestStatus.Done && ids.Contains(r.SchoolId))
                .GroupBy(r => r.SchoolId)
                .Select(g => new { SchoolId = g.Key, Open = g.Count(), New = g.Count(r => r.Status == SupportRequestStatus.New) })
                .ToDictionaryAsync(x => x.SchoolId, cancellationToken);
            var points = await db.DevelopmentPoints.AsNoTracking().Where(p => p.SchoolYearId == yearId && p.Status != DevelopmentPointStatus.Done && ids.Contains(p.SchoolId))
                .GroupBy(p => p.SchoolId)
                .Select(g => new { SchoolId = g.Key, Open = g.Count(), Overdue = g.Count(p => p.Deadline < today) })
                .ToDictionaryAsync(x => x.SchoolId, cancellationToken);
            var since = year is null ? today.AddYears(-1) : new DateOnly(year.StartYear, 8, 1);
            var signals = (await db.NeedSignals.AsNoTracking().Where(s => s.Date >= since)
                    .SelectMany(s => s.Schools.Where(x => ids.Contains(x.Id)).Select(x => x.Id))
                    .ToListAsync(cancellationToken))
                .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

            return schools.Select(s =>
            {
                var sop = sops.GetValueOrDefault(s.Id);
                var talk = conversations.GetValueOrDefault(s.Id);
                var request = requests.GetValueOrDefault(s.Id);
                var point = points.GetValueOrDefault(s.Id);
                return new Row(s.Id, s.LocationCode, s.Name, s.Region, s.Board, scansNow.TryGetValue(s.Id, out var status) ? status : ScanStatus.NotStarted,
                    sop?.Year, sop is null ? null : DateOnly.FromDateTime(sop.PublishedAt.ToDutch().DateTime),
                    states.GetValueOrDefault(s.Id) ?? new PhaseState(ImplementationPhase.None, null),
                    talk?.Last, talk?.Next, request?.Open ?? 0, request?.New ?? 0, point?.Open ?? 0, point?.Overdue ?? 0, signals.GetValueOrDefault(s.Id));
            }).ToList();
        }

        private static IEnumerable<Row> Sort(List<Row> rows, string? sorting) => sorting switch
        {
            "fase" => rows.OrderBy(r => r.Phase.Phase).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "vragen" => rows.OrderByDescending(r => r.OpenRequests).ThenByDescending(r => r.NewRequests).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "te-laat" => rows.OrderByDescending(r => r.OverduePoints).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "laatste-gesprek" => rows.OrderBy(r => r.LastConversation ?? DateOnly.MinValue).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "volgend-gesprek" => rows.OrderBy(r => r.NextConversation ?? DateOnly.MaxValue).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            "scan" => rows.OrderBy(r => r.Scan).ThenBy(r => r.Name, StringComparer.CurrentCulture),
            _ => rows,
        };

        private static ReportTable Table(IReadOnlyList<Row> rows, string? yearName, DateOnly today, string caption)
        {
            var table = new ReportTable("mijn-scholen", caption)
            {
                Headers = ["School", "Code", "Regio", "Bestuur", $"Scan {yearName}", "SOP gepubliceerd", "Fase", "Laatste gesprek", "Volgend gesprek",
                    "Open vragen", "Ontwikkelpunten open / te laat", "Signalen"],
                EmptyText = "Geen scholen in deze selectie. U bent nog van geen school de contactpersoon: kies 'Alle scholen die ik mag zien'.",
                Note = $"Ontwikkelpunten en signalen van schooljaar {yearName}; 'te laat' betekent: niet afgerond en de deadline is voorbij ({DutchCalendar.Format(today)}).",
            };
            foreach (var r in rows)
            {
                var school = $"/school/{r.Code}";
                table.Add(new ReportCell(r.Name, school), r.Code, r.Region ?? "–", r.Board,
                    new ReportCell(r.Scan.ToDutch(), yearName is null ? null : $"{school}/scan/{yearName}"),
                    r.SopYear is null ? "Nog niet" : $"{r.SopYear} ({DutchCalendar.Format(r.SopDate)})",
                    new ReportCell(r.Phase.Phase.ToDutch(), $"{school}/fase"),
                    new ReportCell(DutchCalendar.Format(r.LastConversation, "Nog geen"), $"{school}/gesprekken"),
                    DutchCalendar.Format(r.NextConversation, "–"),
                    new ReportCell(r.OpenRequests == 0 ? "0" : $"{r.OpenRequests} ({r.NewRequests} nieuw)", $"{school}/vragen"),
                    new ReportCell($"{r.OpenPoints} / {r.OverduePoints}", $"{school}/ontwikkelpunten", r.OverduePoints > 0 ? "zb-gap" : null),
                    ReportFormat.Count(r.Signals));
            }

            return table;
        }
    }
}
