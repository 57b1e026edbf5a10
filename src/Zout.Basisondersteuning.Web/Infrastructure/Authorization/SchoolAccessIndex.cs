using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// Every school with what a decision about it reads (board, region, contact person, active), by location code, kept in
/// memory as long as the <see cref="Domain.Dashboards.ChangeCounter.Structure"/> counter stays the same: a request for
/// one school's page asks no query to decide access (issue 15). The rule applied to it is the expression the list
/// queries run in the database (<see cref="AccessPolicy.InternalVisibility"/>), so there is one rule.
/// </summary>
public sealed class SchoolAccessIndex
{
    private Generation? _current;

    private sealed record Generation(long Stamp, FrozenDictionary<string, School> Schools);

    /// <summary>The school with <paramref name="code"/> (normalized), with only the fields an access decision reads; null when there is none.</summary>
    public async Task<School?> FindAsync(AppDbContext db, ChangeStamps stamps, string code, CancellationToken cancellationToken)
    {
        // The stamp is read before the schools, so what is kept is never older than its stamp (ADR 062).
        var stamp = (await stamps.GetAsync(cancellationToken)).Structure;
        var current = Volatile.Read(ref _current);
        if (current?.Stamp != stamp)
        {
            var schools = await db.Schools.AsNoTracking()
                .Select(s => new School
                {
                    Id = s.Id,
                    LocationCode = s.LocationCode,
                    Brin = s.Brin,
                    Name = s.Name,
                    PupilCount = s.PupilCount,
                    IsActive = s.IsActive,
                    BoardId = s.BoardId,
                    RegionId = s.RegionId,
                    ContactPersonId = s.ContactPersonId,
                })
                .ToListAsync(cancellationToken);
            current = new Generation(stamp, schools.ToFrozenDictionary(s => s.LocationCode.Trim(), StringComparer.Ordinal));
            Volatile.Write(ref _current, current);
        }

        return current.Schools.GetValueOrDefault(code);
    }
}
