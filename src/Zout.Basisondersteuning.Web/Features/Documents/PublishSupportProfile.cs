using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>Publishes the SOP of an adopted scan; called by the adoption (Scans/Workflow.cs).</summary>
public interface ISupportProfilePublisher
{
    /// <summary>Published (or published already: the version is then not set), or refused with the reason in Dutch.</summary>
    Task<Result> PublishAsync(int scanId, string publishedBy, CancellationToken cancellationToken);
}

/// <summary>
/// Adoption publishes a version: the SOP and the Ouderrapport of the adopted scan are rendered once and
/// stored (PDF, page, SHA-256, date, school year) and never changed afterwards. When rendering fails the
/// adoption stands; the school sees that publishing is still to do and can try again.
/// </summary>
public sealed class SupportProfilePublisher(
    AppDbContext db, DocumentDataLoader loader, DocumentRenderer renderer, TimeProvider time, ILogger<SupportProfilePublisher> logger) : ISupportProfilePublisher
{
    public async Task<Result> PublishAsync(int scanId, string publishedBy, CancellationToken cancellationToken)
    {
        var scan = await db.Scans.AsNoTracking()
            .Where(s => s.Id == scanId)
            .Select(s => new { s.Id, s.SchoolId, s.SchoolYearId, YearName = s.SchoolYear.Name, s.Status, s.Version, s.AdoptionDate })
            .SingleOrDefaultAsync(cancellationToken);
        if (scan is null || scan.Status != ScanStatus.Adopted) return Result.Refused("Alleen een vastgestelde scan kan worden gepubliceerd.");
        if (await db.PublishedDocuments.AnyAsync(d => d.ScanId == scanId && d.ScanVersion == scan.Version, cancellationToken))
            return Result.Ok();

        var data = await loader.LoadAsync(scan.SchoolId, scan.YearName, cancellationToken);
        if (data is null) return Result.Refused("Het kader van dit schooljaar ontbreekt.");

        var documents = new List<PublishedDocument>();
        try
        {
            foreach (var (definition, kind) in new[] { (DocumentCatalog.SupportProfile, PublishedDocumentKind.SupportProfile), (DocumentCatalog.ParentReport, PublishedDocumentKind.ParentReport) })
            {
                var title = $"{definition.Title} {data.School.Name} {data.Year.Name}";
                var rendered = await renderer.RenderAsync(definition, data, title, data.School.Name, isDraft: false);
                var pdf = await renderer.PdfAsync(rendered, definition.Paper, isDraft: false, cancellationToken);
                documents.Add(new PublishedDocument
                {
                    SchoolId = scan.SchoolId,
                    SchoolYearId = scan.SchoolYearId,
                    ScanId = scan.Id,
                    Kind = kind,
                    Title = title,
                    PublishedAt = time.GetUtcNow(),
                    PublishedBy = publishedBy,
                    ScanVersion = scan.Version,
                    AdoptionDate = scan.AdoptionDate,
                    OfferingKeys = string.Join(' ', data.TickedOfferingKeys),
                    PageHtml = rendered.ContentHtml,
                    Pdf = pdf,
                    Sha256 = DocumentRenderer.Sha256(pdf),
                    PdfSize = pdf.LongLength,
                });
            }
        }
        catch (PdfUnavailableException exception)
        {
            logger.LogWarning(exception, "Publishing the SOP of scan {ScanId} failed; the adoption stands and publishing can be retried", scanId);
            return Result.Refused(exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever went wrong while rendering, the adoption that called us has been saved and stands.
            logger.LogError(exception, "Rendering the SOP of scan {ScanId} failed; the adoption stands and publishing can be retried", scanId);
            return Result.Refused(ChromiumPdfRenderer.FailedMessage);
        }

        foreach (var document in documents)
        {
            var kind = document.Kind;
            document.Version = 1 + (await db.PublishedDocuments.Where(d => d.SchoolId == scan.SchoolId && d.Kind == kind)
                .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0);
            db.PublishedDocuments.Add(document);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Published at the same moment by someone else (the unique version index): theirs stands.
            db.ChangeTracker.Clear();
            return await db.PublishedDocuments.AnyAsync(d => d.ScanId == scanId && d.ScanVersion == scan.Version, cancellationToken)
                ? Result.Ok()
                : Result.Conflict("Het publiceren is tegelijk door iemand anders gestart. Probeer het opnieuw.");
        }

        logger.LogInformation("Published SOP version {Version} of school {SchoolId} for {Year}", documents[0].Version, scan.SchoolId, scan.YearName);
        return Result.Ok(documents[0].Id, documents[0].Version);
    }
}
