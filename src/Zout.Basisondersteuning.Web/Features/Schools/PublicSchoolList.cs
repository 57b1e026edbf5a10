using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Schools;

/// <summary>The public list of schools, for parents and anyone else. Public data only.</summary>
public static class PublicSchoolList
{
    public sealed class Query
    {
        public string? Zoek { get; set; }
    }

    public sealed record Row(string LocationCode, string Name, string? Address, string? City, string? Denomination);

    public sealed record Model(Query Query, string PartnershipName, IReadOnlyList<Row> Schools);

    public sealed class Handler(AccessPolicy accessPolicy, Data.AppDbContext db)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var schools = accessPolicy.PublicSchools();
            if (!string.IsNullOrWhiteSpace(query.Zoek))
            {
                var term = query.Zoek.Trim();
                schools = schools.Where(s => EF.Functions.Like(s.Name, $"%{term}%") || EF.Functions.Like(s.City!, $"%{term}%"));
            }

            var rows = await schools.AsNoTracking()
                .OrderBy(s => s.Name)
                .Select(s => new Row(s.LocationCode, s.Name, (s.Street ?? "") + " " + (s.HouseNumber ?? ""), s.City, s.Denomination))
                .ToListAsync(cancellationToken);
            var name = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? "het samenwerkingsverband";
            return new Model(query, name, rows);
        }
    }
}
