using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>The documents page of a school: the documents of a year, the published versions, publishing still to do.</summary>
public static class SchoolDocuments
{
    public sealed record Version(int Id, PublishedDocumentKind Kind, int Number, string YearName, DateTimeOffset PublishedAt, DateOnly? AdoptionDate, string Sha256, long Size);

    /// <summary>A gespreksverslag of the year (issue 11): page and PDF at /school/{code}/gesprekken/{id}.</summary>
    public sealed record Conversation(int Id, DateOnly Date, Domain.Team.ConversationKind Kind, string AuthorName);

    public sealed record Page(
        string LocationCode,
        string SchoolName,
        string YearName,
        IReadOnlyList<string> Years,
        ScanStatus Status,
        bool PublishPending,
        bool MayPublish,
        string? PdfUnavailable,
        IReadOnlyList<Version> Versions,
        IReadOnlyList<Conversation> Conversations);

    public sealed class Handler(AppDbContext db, IPdfRenderer pdf)
    {
        public async Task<Page?> BuildAsync(SchoolAccess school, string yearName, CancellationToken cancellationToken)
        {
            var years = await db.ScanFrameworks.AsNoTracking().OrderByDescending(f => f.SchoolYear.StartYear).Select(f => f.SchoolYear.Name).ToListAsync(cancellationToken);
            if (!years.Contains(yearName)) return null;
            var scan = await db.Scans.AsNoTracking().Where(s => s.SchoolId == school.SchoolId && s.SchoolYear.Name == yearName)
                .Select(s => new { s.Id, s.Status, s.Version }).SingleOrDefaultAsync(cancellationToken);
            var pending = scan is { Status: ScanStatus.Adopted }
                          && !await db.PublishedDocuments.AnyAsync(d => d.ScanId == scan.Id && d.ScanVersion == scan.Version, cancellationToken);
            var versions = await db.PublishedDocuments.AsNoTracking()
                .Where(d => d.SchoolId == school.SchoolId)
                .OrderByDescending(d => d.Version).ThenBy(d => d.Kind)
                .Select(d => new Version(d.Id, d.Kind, d.Version, d.SchoolYear.Name, d.PublishedAt, d.AdoptionDate, d.Sha256, d.PdfSize))
                .ToListAsync(cancellationToken);
            var conversations = await db.Conversations.AsNoTracking()
                .Where(c => c.SchoolId == school.SchoolId && c.SchoolYear.Name == yearName)
                .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
                .Select(c => new Conversation(c.Id, c.Date, c.Kind, c.AuthorName))
                .ToListAsync(cancellationToken);
            return new Page(school.LocationCode, school.School!.Name, yearName, years, scan?.Status ?? ScanStatus.NotStarted, pending,
                school.Can(SchoolPermission.Publish),
                pdf.UnavailableReason, versions, conversations);
        }
    }
}
