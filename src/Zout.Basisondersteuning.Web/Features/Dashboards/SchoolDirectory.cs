using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// Every school with what the dashboards show of it (board, region, contact person), kept in memory as long as
/// the <see cref="ChangeCounter.Structure"/> counter stays the same (<see cref="ChangeStamps"/>, read once per request) instead
/// of reading thousands of schools. Who may see which school is still decided per request by
/// <see cref="Infrastructure.Authorization.AccessPolicy"/>; this only supplies the details.
/// </summary>
public sealed class SchoolDirectory
{
    private Snapshot? _snapshot;

    /// <summary>The schools by name, and the counter value they belong to (null when there is no counter: never cached).</summary>
    public sealed record Snapshot(long? Stamp, IReadOnlyList<SchoolInfo> Schools);

    public async Task<Snapshot> GetAsync(AppDbContext db, ChangeStamps stamps, CancellationToken cancellationToken)
    {
        long? stamp = (await stamps.GetAsync(cancellationToken)).Structure;
        var current = _snapshot;
        if (stamp is not null && current?.Stamp == stamp) return current;

        var schools = await db.Schools.AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new SchoolInfo(s.Id, s.LocationCode, s.Name, s.BoardId, s.Board.Name, s.RegionId,
                s.Region != null ? s.Region.Name : null, s.PupilCount,
                s.ContactPerson != null ? s.ContactPerson.DisplayName : null,
                s.ContactPerson != null ? s.ContactPerson.Email : null, s.Phone, s.Municipality))
            .ToListAsync(cancellationToken);
        var fresh = new Snapshot(stamp, schools);
        if (stamp is not null) _snapshot = fresh;
        return fresh;
    }
}
