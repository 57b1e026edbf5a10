using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Schools;

/// <summary>The internal list of schools: all of them for partnership staff, the board's own for board users.</summary>
public static class SchoolList
{
    public sealed class Query
    {
        public int? Regio { get; set; }
        public int? Bestuur { get; set; }
        public string? Zoek { get; set; }
        public bool Inactief { get; set; }
    }

    public sealed record Row(string LocationCode, string Name, string? City, string BoardName, string? RegionName, string? ContactPerson, int? PupilCount, bool IsActive);

    public sealed record Model(
        Query Query,
        string Heading,
        IReadOnlyList<Row> Schools,
        IReadOnlyList<SelectListItem> Regions,
        IReadOnlyList<SelectListItem> Boards,
        bool ShowFilters);

    public sealed class Handler(AccessPolicy accessPolicy)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var user = await accessPolicy.UserAsync(cancellationToken)
                       ?? throw new InvalidOperationException("The internal school list needs a signed-in user.");
            var schools = await accessPolicy.InternalSchoolsAsync(cancellationToken);

            if (!query.Inactief) schools = schools.Where(s => s.IsActive);
            if (query.Regio is { } regionId) schools = schools.Where(s => s.RegionId == regionId);
            if (query.Bestuur is { } boardId) schools = schools.Where(s => s.BoardId == boardId);
            if (!string.IsNullOrWhiteSpace(query.Zoek))
            {
                var term = query.Zoek.Trim();
                var upper = term.ToUpperInvariant();
                schools = schools.Where(s => EF.Functions.Like(s.Name, $"%{term}%")
                                             || EF.Functions.Like(s.City!, $"%{term}%")
                                             || s.LocationCode == upper
                                             || s.Brin == upper);
            }

            var rows = await schools.AsNoTracking()
                .OrderBy(s => s.Name)
                .Select(s => new Row(s.LocationCode, s.Name, s.City, s.Board.Name, s.Region != null ? s.Region.Name : null,
                    s.ContactPerson != null ? s.ContactPerson.DisplayName : null, s.PupilCount, s.IsActive))
                .ToListAsync(cancellationToken);

            var boards = (await accessPolicy.VisibleBoardListAsync(cancellationToken))
                .Select(b => new SelectListItem(b.Name, b.Id.ToString(CultureInfo.InvariantCulture), b.Id == query.Bestuur))
                .ToList();
            var regions = (await accessPolicy.RegionListAsync(cancellationToken))
                .Select(r => new SelectListItem(r.Name, r.Id.ToString(CultureInfo.InvariantCulture), r.Id == query.Regio))
                .ToList();

            var heading = user.IsPartnershipStaff ? "Scholen in het samenwerkingsverband" : "Scholen van ons bestuur";
            return new Model(query, heading, rows, regions, boards, ShowFilters: user.IsPartnershipStaff || boards.Count > 1);
        }
    }
}
