using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Consultants;

/// <summary>
/// The open requests of the schools the user may see, the oldest first, with their age in days and their contact
/// person: so the admin sees what waits too long. Consultants see the requests of the schools they may see.
/// </summary>
public static class OpenRequests
{
    public sealed class Model : IReportPage
    {
        public required ReportTable Requests { get; init; }
        public required int Waiting { get; init; }
        public required int OlderThanTwoWeeks { get; init; }
        public IEnumerable<ReportTable> Tables => [Requests];
        public string FileName => "open-vragen";
    }

    public sealed class Handler(AppDbContext db, AccessPolicy policy, TimeProvider time)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken)
        {
            var ids = (await policy.InternalSchoolsAsync(cancellationToken)).Select(s => s.Id);
            var rows = await db.SupportRequests.AsNoTracking()
                .Where(r => r.Status != SupportRequestStatus.Done && ids.Contains(r.SchoolId))
                .OrderBy(r => r.AskedAt)
                .Select(r => new
                {
                    r.Id,
                    r.Subject,
                    r.Kind,
                    r.Status,
                    r.AskedAt,
                    Code = r.School.LocationCode,
                    School = r.School.Name,
                    Contact = r.School.ContactPerson == null ? null : r.School.ContactPerson.DisplayName,
                    LastTeamReply = r.Messages.Where(m => !m.FromSchool).Max(m => (DateTimeOffset?)m.At),
                })
                .ToListAsync(cancellationToken);
            var today = time.Today();
            int Age(DateTimeOffset at) => today.DayNumber - DateOnly.FromDateTime(at.ToDutch().DateTime).DayNumber;
            var table = new ReportTable("open-vragen", "Open vragen aan Team Basisondersteuning, de oudste eerst")
            {
                Headers = ["Vraag", "School", "Soort", "Status", "Gesteld op", "Leeftijd (dagen)", "Contactpersoon", "Laatste reactie van het team"],
                EmptyText = "Er zijn geen open vragen.",
                Note = "Een vraag ouder dan 14 dagen zonder reactie van het team is rood gemarkeerd.",
            };
            foreach (var r in rows)
            {
                var age = Age(r.AskedAt);
                table.Add(new ReportCell(r.Subject, $"/school/{r.Code}/vragen/{r.Id}"), new ReportCell(r.School, $"/school/{r.Code}"), r.Kind.ToDutch(), r.Status.ToDutch(),
                    SupportRequests.SupportRequestDetails.Handler.Date(r.AskedAt),
                    new ReportCell(ReportFormat.Count(age), Css: age > 14 && r.LastTeamReply is null ? "zb-gap" : null),
                    r.Contact ?? "Niet toegewezen", r.LastTeamReply is { } last ? SupportRequests.SupportRequestDetails.Handler.Date(last) : "Nog geen");
            }

            return new Model { Requests = table, Waiting = rows.Count(r => r.LastTeamReply is null), OlderThanTwoWeeks = rows.Count(r => Age(r.AskedAt) > 14) };
        }
    }
}
