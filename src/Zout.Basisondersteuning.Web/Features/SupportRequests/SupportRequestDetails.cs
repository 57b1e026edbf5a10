using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.SupportRequests;

/// <summary>A school's requests (the list) and one request with its thread of replies.</summary>
public static class SupportRequestDetails
{
    public sealed class ListModel : IReportPage
    {
        public required string SchoolCode { get; init; }
        public required string SchoolName { get; init; }
        public required bool CanAsk { get; init; }
        public required string? ContactPerson { get; init; }
        public required ReportTable Requests { get; init; }
        public IEnumerable<ReportTable> Tables => [Requests];
        public string FileName => $"vragen-{SchoolCode}";
    }

    public sealed record Message(DateTimeOffset At, string AuthorName, bool FromSchool, string Text);

    public sealed record Model(
        string SchoolCode,
        string SchoolName,
        int Id,
        SupportRequestKind Kind,
        string Subject,
        string Description,
        string? Topic,
        int? DevelopmentPointId,
        SupportRequestStatus Status,
        string AskedByName,
        DateTimeOffset AskedAt,
        DateTimeOffset? ClosedAt,
        int Version,
        IReadOnlyList<Message> Messages,
        string? ContactPerson,
        bool CanReply,
        bool CanChangeStatus,
        bool CanConnect,
        ReplyToSupportRequest.Input Reply)
    {
        public string Url => $"/school/{SchoolCode}/vragen/{Id}";
    }

    public sealed class Handler(AppDbContext db, FrameworkStore frameworks)
    {
        public async Task<ListModel> ListAsync(SchoolAccess school, CancellationToken cancellationToken)
        {
            var rows = await db.SupportRequests.AsNoTracking()
                .Where(r => r.SchoolId == school.SchoolId)
                .OrderBy(r => r.Status == SupportRequestStatus.Done).ThenByDescending(r => r.AskedAt)
                .Select(r => new { r.Id, r.Subject, r.Kind, r.Status, r.AskedAt, r.AskedByName, Replies = r.Messages.Count, LastAt = r.Messages.Max(m => (DateTimeOffset?)m.At) })
                .ToListAsync(cancellationToken);
            var table = new ReportTable("vragen", $"Vragen van {school.School!.Name} aan Team Basisondersteuning")
            {
                Headers = ["Vraag", "Soort", "Status", "Gesteld op", "Door", "Reacties", "Laatste reactie"],
                EmptyText = "Er zijn nog geen vragen gesteld.",
            };
            foreach (var r in rows)
            {
                table.Add(new ReportCell(r.Subject, $"/school/{school.LocationCode}/vragen/{r.Id}"), r.Kind.ToDutch(), r.Status.ToDutch(), Date(r.AskedAt), r.AskedByName,
                    ReportFormat.Count(r.Replies), r.LastAt is { } last ? Date(last) : "–");
            }

            return new ListModel
            {
                SchoolCode = school.LocationCode,
                SchoolName = school.School.Name,
                CanAsk = school.Can(SchoolPermission.Edit),
                ContactPerson = await ContactAsync(school.SchoolId, cancellationToken),
                Requests = table,
            };
        }

        public async Task<Model?> FindAsync(SchoolAccess school, int id, ReplyToSupportRequest.Input? reply, CancellationToken cancellationToken)
        {
            var row = await db.SupportRequests.AsNoTracking()
                .Where(r => r.Id == id && r.SchoolId == school.SchoolId)
                .Select(r => new
                {
                    r.Id,
                    r.Kind,
                    r.Subject,
                    r.Description,
                    r.DomainKey,
                    r.AspectKey,
                    r.OfferingItemKey,
                    r.DevelopmentPointId,
                    Point = r.DevelopmentPoint == null ? null : r.DevelopmentPoint.Title,
                    r.Status,
                    r.AskedByName,
                    r.AskedAt,
                    r.ClosedAt,
                    r.Version,
                    Messages = r.Messages.OrderBy(m => m.At).ThenBy(m => m.Id).Select(m => new Message(m.At, m.AuthorName, m.FromSchool, m.Text)).ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null) return null;
            var yearName = Domain.SchoolYear.NameFor(Domain.SchoolYear.StartYearOf(DateOnly.FromDateTime(row.AskedAt.ToDutch().DateTime)));
            var framework = (await frameworks.ForYearAsync(yearName, cancellationToken))?.Definition;
            var topic = TopicText(framework, row.DomainKey, row.AspectKey, row.OfferingItemKey, row.Point);
            return new Model(school.LocationCode, school.School!.Name, row.Id, row.Kind, row.Subject, row.Description, topic, row.DevelopmentPointId, row.Status,
                row.AskedByName, row.AskedAt, row.ClosedAt, row.Version, row.Messages, await ContactAsync(school.SchoolId, cancellationToken),
                CanReply: school.Can(SchoolPermission.FollowUp),
                CanChangeStatus: school.Can(SchoolPermission.Consult),
                CanConnect: school.Can(SchoolPermission.Consult) && (row.DomainKey is not null || row.OfferingItemKey is not null),
                reply ?? new ReplyToSupportRequest.Input { Version = row.Version });
        }

        /// <summary>"Rekenen – Expertise; ontwikkelpunt ...; aanbod: Dyslexiespecialist", or null.</summary>
        public static string? TopicText(Domain.Scans.FrameworkDefinition? framework, string? domainKey, string? aspectKey, string? offeringKey, string? point)
        {
            var parts = new List<string>();
            if (point is not null) parts.Add($"Ontwikkelpunt: {point}");
            else if (domainKey is not null || aspectKey is not null)
                parts.Add(string.Join(" – ", new[] { domainKey is null ? null : framework?.DomainName(domainKey) ?? domainKey, aspectKey is null ? null : framework?.AspectName(aspectKey) ?? aspectKey }.OfType<string>()));
            if (offeringKey is not null) parts.Add($"Aanbod: {framework?.OfferingItems.ByKey(offeringKey)?.Name ?? offeringKey}");
            return parts.Count == 0 ? null : string.Join("; ", parts);
        }

        private async Task<string?> ContactAsync(int schoolId, CancellationToken cancellationToken) =>
            await db.Schools.AsNoTracking().Where(s => s.Id == schoolId && s.ContactPerson != null)
                .Select(s => s.ContactPerson!.DisplayName).SingleOrDefaultAsync(cancellationToken);

        public static string Date(DateTimeOffset at) => DutchCalendar.Format(DateOnly.FromDateTime(at.ToDutch().DateTime));
    }
}
