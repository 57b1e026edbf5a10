using Microsoft.EntityFrameworkCore;

namespace Zout.Basisondersteuning.Web.Features.Schools;

/// <summary>One school's data. The public page shows <see cref="PublicData"/> only.</summary>
public static class SchoolDetails
{
    public sealed record PublicData(
        string LocationCode,
        string Brin,
        string Name,
        string? Street,
        string? HouseNumber,
        string? PostalCode,
        string? City,
        string? Municipality,
        string? Denomination,
        string? Phone,
        string? Website,
        int? PupilCount,
        string BoardName,
        string? RegionName,
        bool IsActive)
    {
        public string WebsiteHref => Website is null ? "" : Website.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? Website : "https://" + Website;
    }

    public sealed record InternalData(PublicData School, string BoardNumber, string? ContactPersonName, string? ContactPersonEmail, IReadOnlyList<StaffRow> Staff,
        InspectionData Inspection);

    /// <summary>Basiskwaliteit: the inspection's most recent judgement as the school or the admin filled it in.</summary>
    public sealed record InspectionData(Domain.InspectionJudgement? Judgement, DateOnly? Date, string? ReportUrl);

    public sealed record StaffRow(string DisplayName, string Email, bool IsDirector, DateTimeOffset? LastLoginAt);

    public sealed class Handler(Data.AppDbContext db)
    {
        public Task<PublicData> PublicAsync(int schoolId, CancellationToken cancellationToken) =>
            db.Schools.AsNoTracking()
                .Where(s => s.Id == schoolId)
                .Select(s => new PublicData(s.LocationCode, s.Brin, s.Name, s.Street, s.HouseNumber, s.PostalCode, s.City, s.Municipality,
                    s.Denomination, s.Phone, s.Website, s.PupilCount, s.Board.Name, s.Region != null ? s.Region.Name : null, s.IsActive))
                .SingleAsync(cancellationToken);

        public async Task<InternalData> InternalAsync(int schoolId, CancellationToken cancellationToken)
        {
            var school = await PublicAsync(schoolId, cancellationToken);
            var extra = await db.Schools.AsNoTracking()
                .Where(s => s.Id == schoolId)
                .Select(s => new
                {
                    s.Board.BoardNumber,
                    ContactName = s.ContactPerson != null ? s.ContactPerson.DisplayName : null,
                    ContactEmail = s.ContactPerson != null ? s.ContactPerson.Email : null,
                    Inspection = new InspectionData(s.InspectionJudgement, s.InspectionDate, s.InspectionReportUrl),
                })
                .SingleAsync(cancellationToken);
            var staff = await db.Users.AsNoTracking()
                .Where(u => u.SchoolId == schoolId && u.IsActive)
                .OrderByDescending(u => u.IsDirector).ThenBy(u => u.DisplayName)
                .Select(u => new StaffRow(u.DisplayName, u.Email ?? "", u.IsDirector, u.LastLoginAt))
                .ToListAsync(cancellationToken);
            return new InternalData(school, extra.BoardNumber, extra.ContactName, extra.ContactEmail, staff, extra.Inspection);
        }
    }
}
