using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>The published versions behind the stable public links; only of schools anybody may see.</summary>
public static class PublicSupportProfiles
{
    public sealed record Found(int Id, string LocationCode, string SchoolName, string YearName, int Version, string Title, string Sha256);

    public sealed class Handler(AccessPolicy accessPolicy, AppDbContext db)
    {
        /// <summary>The school by its code when the public may see it, else null (404).</summary>
        public Task<string?> SchoolNameAsync(string code, CancellationToken cancellationToken)
        {
            var normalized = School.NormalizeLocationCode(code);
            return accessPolicy.PublicSchools().Where(s => s.LocationCode == normalized).Select(s => (string?)s.Name).SingleOrDefaultAsync(cancellationToken);
        }

        /// <summary>The latest published version (of the year, when given), without its bytes.</summary>
        public Task<Found?> FindAsync(string code, PublishedDocumentKind kind, string? yearName, CancellationToken cancellationToken)
        {
            var normalized = School.NormalizeLocationCode(code);
            var query = db.PublishedDocuments.AsNoTracking()
                .Where(d => d.Kind == kind && d.School.LocationCode == normalized)
                .Where(d => accessPolicy.PublicSchools().Any(s => s.Id == d.SchoolId));
            if (yearName is not null) query = query.Where(d => d.SchoolYear.Name == yearName);
            return query.OrderByDescending(d => d.SchoolYear.StartYear).ThenByDescending(d => d.Version)
                .Select(d => new Found(d.Id, d.School.LocationCode, d.School.Name, d.SchoolYear.Name, d.Version, d.Title, d.Sha256))
                .FirstOrDefaultAsync(cancellationToken);
        }

        public Task<byte[]> PdfAsync(int id, CancellationToken cancellationToken) =>
            db.PublishedDocuments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Pdf).SingleAsync(cancellationToken);

        public Task<string> PageHtmlAsync(int id, CancellationToken cancellationToken) =>
            db.PublishedDocuments.AsNoTracking().Where(d => d.Id == id).Select(d => d.PageHtml).SingleAsync(cancellationToken);
    }
}
