using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Web.Features.Structure;

/// <summary>The lists of regions, boards and schools for the admin, inactive ones included.</summary>
public static class StructureLists
{
    public sealed record RegionRow(int Id, string Name, bool IsActive, int SchoolCount);

    public sealed record BoardRow(int Id, string BoardNumber, string Name, bool IsActive, int SchoolCount);

    public sealed record SchoolRow(int Id, string LocationCode, string Name, string? City, string BoardName, string? RegionName, string? ContactPerson, bool IsActive);

    public sealed record Model(IReadOnlyList<RegionRow> Regions, IReadOnlyList<BoardRow> Boards, IReadOnlyList<SchoolRow> Schools);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken) => new(
            await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new RegionRow(r.Id, r.Name, r.IsActive, r.Schools.Count)).ToListAsync(cancellationToken),
            await db.Boards.AsNoTracking().OrderBy(b => b.Name).Select(b => new BoardRow(b.Id, b.BoardNumber, b.Name, b.IsActive, b.Schools.Count)).ToListAsync(cancellationToken),
            await db.Schools.AsNoTracking().OrderBy(s => s.Name)
                .Select(s => new SchoolRow(s.Id, s.LocationCode, s.Name, s.City, s.Board.Name, s.Region != null ? s.Region.Name : null,
                    s.ContactPerson != null ? s.ContactPerson.DisplayName : null, s.IsActive))
                .ToListAsync(cancellationToken));
    }
}
