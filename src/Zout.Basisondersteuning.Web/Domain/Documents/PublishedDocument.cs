using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Domain.Documents;

public enum PublishedDocumentKind
{
    /// <summary>The schoolondersteuningsprofiel (SOP).</summary>
    SupportProfile = 1,

    /// <summary>The Ouderrapport: the SOP for parents in two pages, public with it.</summary>
    ParentReport = 2,
}

/// <summary>
/// A published document: the PDF and the page made when a scan was adopted. Never changed afterwards,
/// whatever happens to the answers; a later adoption adds a new version.
/// </summary>
public class PublishedDocument
{
    public const int Sha256Length = 64;
    public const int TitleMaxLength = 300;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;
    public int ScanId { get; set; }
    public Scan Scan { get; set; } = null!;
    public PublishedDocumentKind Kind { get; set; }

    /// <summary>1, 2, ... per school and kind, over all years.</summary>
    public int Version { get; set; }

    public string Title { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";

    /// <summary>
    /// The scan's version right after the adoption this document belongs to (the version is raised on every
    /// workflow step): an adopted scan without a document of its current version still has to be published.
    /// </summary>
    public int ScanVersion { get; set; }
    public DateOnly? AdoptionDate { get; set; }

    /// <summary>The offering items the school had ticked, space-separated keys, for the public search.</summary>
    public string OfferingKeys { get; set; } = "";

    /// <summary>The document as a page (the HTML of its body), shown on the public link.</summary>
    public string PageHtml { get; set; } = "";

    public byte[] Pdf { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public long PdfSize { get; set; }
}
