using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.BoardMeetings;

/// <summary>A board's startbijeenkomsten (the list) and one of them (the general part and each school's part the user may see).</summary>
public static class BoardMeetingDetails
{
    public sealed class ListModel : IReportPage
    {
        public required int BoardId { get; init; }
        public required string BoardName { get; init; }
        public required bool CanRecord { get; init; }
        public required ReportTable Meetings { get; init; }
        public IEnumerable<ReportTable> Tables => [Meetings];
        public string FileName => $"bestuur-{BoardId}-bijeenkomsten";
    }

    public sealed record SchoolPart(int ConversationId, string Code, string Name, string Notes, IReadOnlyList<ConversationReportAgreement> Agreements);

    public sealed record ConversationReportAgreement(string Action, string? Owner, DateOnly? Deadline, AgreementStatus Status, string? DevelopmentPoint);

    public sealed record Model(int BoardId, string BoardName, int Id, DateOnly Date, string YearName, string Summary, string? Participants, string AuthorName,
        IReadOnlyList<SchoolPart> Schools, int HiddenSchools);

    public sealed class Handler(AppDbContext db, AccessPolicy policy)
    {
        public async Task<ListModel> ListAsync(BoardAccess board, bool canRecord, CancellationToken cancellationToken)
        {
            var visible = await policy.InternalSchoolsAsync(cancellationToken);
            var rows = await db.BoardMeetings.AsNoTracking()
                .Where(m => m.BoardId == board.BoardId)
                .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
                .Select(m => new
                {
                    m.Id,
                    m.Date,
                    YearName = m.SchoolYear.Name,
                    m.AuthorName,
                    Schools = m.Conversations.Count(c => visible.Any(s => s.Id == c.SchoolId)),
                    Agreements = m.Conversations.Where(c => visible.Any(s => s.Id == c.SchoolId)).SelectMany(c => c.Agreements).Count(),
                })
                .ToListAsync(cancellationToken);
            var table = new ReportTable("bijeenkomsten", $"Startbijeenkomsten van {board.Board!.Name}")
            {
                Headers = ["Datum", "Schooljaar", "Scholen", "Afspraken", "Vastgelegd door"],
                EmptyText = "Er is nog geen startbijeenkomst vastgelegd.",
            };
            foreach (var m in rows)
            {
                table.Add(new ReportCell(DutchCalendar.Format(m.Date), $"/bestuur/{board.BoardId}/bijeenkomsten/{m.Id}"), m.YearName,
                    ReportFormat.Count(m.Schools), ReportFormat.Count(m.Agreements), m.AuthorName);
            }

            return new ListModel { BoardId = board.BoardId, BoardName = board.Board.Name, CanRecord = canRecord, Meetings = table };
        }

        public async Task<Model?> FindAsync(BoardAccess board, int id, CancellationToken cancellationToken)
        {
            var visible = await policy.InternalSchoolsAsync(cancellationToken);
            var meeting = await db.BoardMeetings.AsNoTracking()
                .Where(m => m.Id == id && m.BoardId == board.BoardId)
                .Select(m => new { m.Id, m.Date, YearName = m.SchoolYear.Name, m.Summary, m.Participants, m.AuthorName, Total = m.Conversations.Count })
                .SingleOrDefaultAsync(cancellationToken);
            if (meeting is null) return null;
            var parts = await db.Conversations.AsNoTracking()
                .Where(c => c.BoardMeetingId == id && visible.Any(s => s.Id == c.SchoolId))
                .OrderBy(c => c.School.Name)
                .Select(c => new SchoolPart(c.Id, c.School.LocationCode, c.School.Name, c.Summary,
                    c.Agreements.OrderBy(a => a.SortOrder).Select(a => new ConversationReportAgreement(a.Action, a.Owner, a.Deadline, a.Status,
                        a.DevelopmentPoint == null ? null : a.DevelopmentPoint.Title)).ToList()))
                .ToListAsync(cancellationToken);
            return new Model(board.BoardId, board.Board!.Name, meeting.Id, meeting.Date, meeting.YearName, meeting.Summary, meeting.Participants, meeting.AuthorName,
                parts, meeting.Total - parts.Count);
        }
    }
}
