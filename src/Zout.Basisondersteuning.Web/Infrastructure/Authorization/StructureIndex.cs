using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// The partnership's structure as access decisions and filters read it, kept in memory as long as the
/// <see cref="Domain.Dashboards.ChangeCounter.Structure"/> counter stays the same (issue 15): every school with its
/// board, region, contact person and whether it is active, by location code; every board and every region by name.
/// A request for one school's or one board's page then asks no query to decide access, and the dashboards' filters
/// none to list boards and regions. The rules applied to it are the expressions the list queries run in the database
/// (<see cref="AccessPolicy.InternalVisibility"/>, <see cref="AccessPolicy.BoardVisibility"/>), so there is one rule each.
/// </summary>
public sealed class StructureIndex
{
    private Snapshot? _current;

    /// <summary>The structure as of one counter value. Its entities carry only the fields named above.</summary>
    public sealed class Snapshot(long stamp, IReadOnlyList<School> schools, IReadOnlyList<Board> boards, IReadOnlyList<Region> regions)
    {
        public long Stamp { get; } = stamp;

        public FrozenDictionary<string, School> SchoolsByCode { get; } = schools.ToFrozenDictionary(s => s.LocationCode.Trim(), StringComparer.Ordinal);

        public ILookup<int, School> SchoolsByBoard { get; } = schools.ToLookup(s => s.BoardId);

        /// <summary>Every board, by name.</summary>
        public IReadOnlyList<Board> Boards { get; } = boards;

        public FrozenDictionary<int, Board> BoardsById { get; } = boards.ToFrozenDictionary(b => b.Id);

        /// <summary>Every region, by name.</summary>
        public IReadOnlyList<Region> Regions { get; } = regions;
    }

    public async Task<Snapshot> GetAsync(AppDbContext db, ChangeStamps stamps, CancellationToken cancellationToken)
    {
        // The stamp is read before the structure, so what is kept is never older than its stamp (ADR 062).
        var stamp = (await stamps.GetAsync(cancellationToken)).Structure;
        var current = Volatile.Read(ref _current);
        if (current?.Stamp == stamp) return current;

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
        var boards = await db.Boards.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new Board { Id = b.Id, Name = b.Name, BoardNumber = b.BoardNumber, IsActive = b.IsActive })
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new Region { Id = r.Id, Name = r.Name, IsActive = r.IsActive })
            .ToListAsync(cancellationToken);
        current = new Snapshot(stamp, schools, boards, regions);
        Volatile.Write(ref _current, current);
        return current;
    }
}
