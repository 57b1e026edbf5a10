namespace Zout.Basisondersteuning.Web.Domain.Team;

public enum ConnectionStatus
{
    Proposed = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>
/// "Leren van elkaar": the verbinder connects a school that wants to grow in something to a school that is strong in
/// it (level 4 or the offering item). The other school accepts or declines; once accepted both see each other's
/// contact details as they agreed to share them.
/// </summary>
public class SchoolConnection : AuditableEntity
{
    public const int TopicMaxLength = 300;
    public const int MessageMaxLength = 2000;
    public const int ContactMaxLength = 500;

    /// <summary>The school that wants to learn.</summary>
    public int RequestingSchoolId { get; set; }
    public School RequestingSchool { get; set; } = null!;

    /// <summary>The school that is strong in it.</summary>
    public int OfferingSchoolId { get; set; }
    public School OfferingSchool { get; set; } = null!;

    public string? DomainKey { get; set; }
    public string? AspectKey { get; set; }
    public string? OfferingItemKey { get; set; }

    /// <summary>What it is about, as the two schools read it: "Rekenen: expertise", "Dyslexiespecialist".</summary>
    public string Topic { get; set; } = "";

    public int? SupportRequestId { get; set; }
    public int? DevelopmentPointId { get; set; }

    /// <summary>The consultant's message to the other school.</summary>
    public string Message { get; set; } = "";

    /// <summary>Whom the other school can contact at the requesting school.</summary>
    public string RequesterContact { get; set; } = "";

    /// <summary>What the other school agreed to share when accepting.</summary>
    public string? OfferingContact { get; set; }

    public ConnectionStatus Status { get; set; }
    public string ProposedByName { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public string? RespondedByName { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public int Version { get; set; }
}
