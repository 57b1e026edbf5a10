using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// A school's conversations with Team Basisondersteuning, newest first: read by the school, its board and the
/// partnership; recorded by the partnership staff who consult it. One table, with its downloads.
/// </summary>
public static class ListConversations
{
    public sealed class Model : IReportPage
    {
        public required string SchoolCode { get; init; }
        public required string SchoolName { get; init; }
        public required bool CanRecord { get; init; }
        public required ReportTable Conversations { get; init; }
        public required ReportTable Agreements { get; init; }
        public IEnumerable<ReportTable> Tables => [Conversations, Agreements];
        public string FileName => $"gesprekken-{SchoolCode}";
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(SchoolAccess school, CancellationToken cancellationToken)
        {
            var code = school.LocationCode;
            var rows = await db.Conversations.AsNoTracking()
                .Where(c => c.SchoolId == school.SchoolId)
                .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
                .Select(c => new
                {
                    c.Id,
                    c.Date,
                    c.Kind,
                    c.AuthorName,
                    c.NextDate,
                    YearName = c.SchoolYear.Name,
                    c.BoardMeetingId,
                    Agreements = c.Agreements.Count,
                    Open = c.Agreements.Count(a => a.Status != AgreementStatus.Done),
                    HasResponse = c.Response != null,
                })
                .ToListAsync(cancellationToken);
            var conversations = new ReportTable("gesprekken", $"Gesprekken van {school.School!.Name} met Team Basisondersteuning")
            {
                Headers = ["Datum", "Soort", "Schooljaar", "Namens Team BO", "Afspraken", "Nog open", "Reactie school", "Volgend gesprek"],
                EmptyText = "Er zijn nog geen gesprekken vastgelegd.",
            };
            foreach (var c in rows)
            {
                conversations.Add(new ReportCell(DutchCalendar.Format(c.Date), $"/school/{code}/gesprekken/{c.Id}"),
                    c.Kind.ToDutch() + (c.BoardMeetingId is null ? "" : " (met het bestuur)"), c.YearName, c.AuthorName,
                    ReportFormat.Count(c.Agreements), ReportFormat.Count(c.Open), c.HasResponse ? "Ja" : "Nee", DutchCalendar.Format(c.NextDate, "–"));
            }

            var agreements = await db.ConversationAgreements.AsNoTracking()
                .Where(a => a.Conversation.SchoolId == school.SchoolId && a.Status != AgreementStatus.Done)
                .OrderBy(a => a.Deadline == null).ThenBy(a => a.Deadline).ThenBy(a => a.Id)
                .Select(a => new { a.Action, a.Owner, a.Deadline, a.Status, a.ConversationId, a.Conversation.Date, Point = a.DevelopmentPoint == null ? null : a.DevelopmentPoint.Title })
                .ToListAsync(cancellationToken);
            var open = new ReportTable("open-afspraken", "Afspraken die nog open staan")
            {
                Headers = ["Afspraak", "Eigenaar", "Deadline", "Status", "Uit het gesprek van", "Ontwikkelpunt"],
                EmptyText = "Alle afspraken zijn afgerond.",
            };
            foreach (var a in agreements)
            {
                open.Add(a.Action, a.Owner ?? "–", DutchCalendar.Format(a.Deadline, "–"), a.Status.ToDutch(),
                    new ReportCell(DutchCalendar.Format(a.Date), $"/school/{code}/gesprekken/{a.ConversationId}"), a.Point ?? "–");
            }

            return new Model
            {
                SchoolCode = code,
                SchoolName = school.School.Name,
                CanRecord = school.Can(SchoolPermission.Consult),
                Conversations = conversations,
                Agreements = open,
            };
        }
    }
}
