namespace Zout.Basisondersteuning.Web.Domain.Administration;

public enum ImportKind
{
    /// <summary>DUO's file of school locations (vestigingen).</summary>
    SchoolLocations = 1,

    /// <summary>DUO's file of pupil counts per location.</summary>
    PupilCounts = 2,
}

/// <summary>
/// An uploaded import file kept on the server between the preview and the apply, so the apply never
/// trusts what the browser sends back: it parses and validates the stored bytes again.
/// </summary>
public class ImportUpload
{
    public const int FileNameMaxLength = 260;

    /// <summary>A random, unguessable id (32 hex characters).</summary>
    public string Id { get; set; } = "";

    public ImportKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
}
