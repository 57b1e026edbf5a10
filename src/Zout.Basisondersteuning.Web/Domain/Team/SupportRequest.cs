namespace Zout.Basisondersteuning.Web.Domain.Team;

/// <summary>What a school asks Team Basisondersteuning (seed 000: begeleider, EHBO, verbinder).</summary>
public enum SupportRequestKind
{
    /// <summary>Route coach or office hours.</summary>
    RouteCoach = 1,

    /// <summary>An EHBO question from casework (no pupil data).</summary>
    FirstAid = 2,

    /// <summary>Connect us to a school that is strong in ...</summary>
    Connect = 3,

    /// <summary>Joint training.</summary>
    JointTraining = 4,
}

public enum SupportRequestStatus
{
    New = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>A "Vraag aan Team BO": asked by a school user, answered by the school's contact person.</summary>
public class SupportRequest : AuditableEntity
{
    public const int SubjectMaxLength = 150;
    public const int DescriptionMaxLength = 4000;

    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public SupportRequestKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public string? DomainKey { get; set; }
    public string? AspectKey { get; set; }
    public string? OfferingItemKey { get; set; }
    public int? DevelopmentPointId { get; set; }
    public Scans.DevelopmentPoint? DevelopmentPoint { get; set; }
    public SupportRequestStatus Status { get; set; }
    public string AskedByName { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Raised on every status step and reply: two consultants never overwrite each other's step.</summary>
    public int Version { get; set; }

    public List<SupportRequestMessage> Messages { get; set; } = [];
}

/// <summary>One reply in the short thread of a request, by the school or by the partnership.</summary>
public class SupportRequestMessage
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int SupportRequestId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public bool FromSchool { get; set; }
    public string Text { get; set; } = "";
}
