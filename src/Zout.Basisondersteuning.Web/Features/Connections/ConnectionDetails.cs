using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Connections;

/// <summary>One connection as either school reads it, and the connections of a school ("leren van elkaar").</summary>
public static class ConnectionDetails
{
    public sealed record Model(
        string SchoolCode,
        int Id,
        bool IsRequester,
        string RequestingCode,
        string RequestingName,
        string OfferingCode,
        string OfferingName,
        string Topic,
        string Message,
        ConnectionStatus Status,
        string ProposedByName,
        DateTimeOffset ProposedAt,
        string? RequesterContact,
        string? OfferingContact,
        string? RespondedByName,
        DateTimeOffset? RespondedAt,
        int Version,
        bool CanAnswer,
        RespondToConnection.Input Answer)
    {
        public string OtherName => IsRequester ? OfferingName : RequestingName;
        public string Url => $"/school/{SchoolCode}/verbindingen/{Id}";
    }

    /// <summary>A connection on a school's page: the other school, the topic, the contact details once accepted.</summary>
    public sealed record Line(int Id, string OtherCode, string OtherName, string Topic, ConnectionStatus Status, bool IsRequester, string? OtherContact);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model?> FindAsync(SchoolAccess school, int id, RespondToConnection.Input? answer, CancellationToken cancellationToken)
        {
            var c = await db.SchoolConnections.AsNoTracking()
                .Where(c => c.Id == id && (c.RequestingSchoolId == school.SchoolId || c.OfferingSchoolId == school.SchoolId))
                .Select(c => new
                {
                    c.Id,
                    c.RequestingSchoolId,
                    RequestingCode = c.RequestingSchool.LocationCode,
                    RequestingName = c.RequestingSchool.Name,
                    OfferingCode = c.OfferingSchool.LocationCode,
                    OfferingName = c.OfferingSchool.Name,
                    c.Topic,
                    c.Message,
                    c.Status,
                    c.ProposedByName,
                    c.ProposedAt,
                    c.RequesterContact,
                    c.OfferingContact,
                    c.RespondedByName,
                    c.RespondedAt,
                    c.Version,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (c is null) return null;
            var isRequester = c.RequestingSchoolId == school.SchoolId;
            // The asked school sees who asks before it answers; the asking school sees the other's details only once they are shared.
            return new Model(school.LocationCode, c.Id, isRequester, c.RequestingCode, c.RequestingName, c.OfferingCode, c.OfferingName, c.Topic, c.Message, c.Status,
                c.ProposedByName, c.ProposedAt, c.RequesterContact, c.Status == ConnectionStatus.Accepted ? c.OfferingContact : null, c.RespondedByName, c.RespondedAt, c.Version,
                CanAnswer: !isRequester && c.Status == ConnectionStatus.Proposed && school.Can(SchoolPermission.Edit),
                answer ?? new RespondToConnection.Input { Version = c.Version });
        }

        /// <summary>The school's connections, both ways: accepted ones with the other's contact details, open proposals, the latest first.</summary>
        public async Task<IReadOnlyList<Line>> ForSchoolAsync(int schoolId, CancellationToken cancellationToken) =>
            await db.SchoolConnections.AsNoTracking()
                .Where(c => (c.RequestingSchoolId == schoolId || c.OfferingSchoolId == schoolId) && c.Status != ConnectionStatus.Declined)
                .OrderBy(c => c.Status).ThenByDescending(c => c.ProposedAt)
                .Select(c => c.RequestingSchoolId == schoolId
                    ? new Line(c.Id, c.OfferingSchool.LocationCode, c.OfferingSchool.Name, c.Topic, c.Status, true, c.Status == ConnectionStatus.Accepted ? c.OfferingContact : null)
                    : new Line(c.Id, c.RequestingSchool.LocationCode, c.RequestingSchool.Name, c.Topic, c.Status, false, c.RequesterContact))
                .ToListAsync(cancellationToken);
    }
}
