using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Domain.Team;

/// <summary>The kinds of conversation Team Basisondersteuning has with a school (seed 000: begeleider, EHBO).</summary>
public enum ConversationKind
{
    /// <summary>Startbijeenkomst: the scans compared, "hoe komen we van A naar B?".</summary>
    StartMeeting = 1,

    /// <summary>Spreekuur: the route coach's office hours.</summary>
    OfficeHours = 2,

    /// <summary>Voortgangsgesprek: where are you now, what is the next step?</summary>
    Progress = 3,

    /// <summary>Evaluatie: looking back at the year.</summary>
    Evaluation = 4,

    /// <summary>EHBO-vraag: quick help with a support question from casework.</summary>
    FirstAid = 5,
}

public enum AgreementStatus
{
    Open = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>
/// A conversation of a consultant with a school, recorded as a gespreksverslag. The school and its board read it;
/// the author and the admin change it (optimistic concurrency on <see cref="Version"/>).
/// </summary>
public class Conversation : AuditableEntity
{
    public const int SummaryMaxLength = 8000;

    public int SchoolId { get; set; }
    public School School { get; set; } = null!;

    /// <summary>The school year the date falls in: documents and downloads are per school year.</summary>
    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;

    /// <summary>Set when this is one school's part of a board's startbijeenkomst.</summary>
    public int? BoardMeetingId { get; set; }
    public BoardMeeting? BoardMeeting { get; set; }

    public DateOnly Date { get; set; }
    public ConversationKind Kind { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>When the next conversation is planned: "Mijn scholen" shows it.</summary>
    public DateOnly? NextDate { get; set; }

    public string? AuthorId { get; set; }
    public AppUser? Author { get; set; }

    /// <summary>The author's name as it was when the conversation was recorded.</summary>
    public string AuthorName { get; set; } = "";

    public int Version { get; set; }

    public List<ConversationParticipant> Participants { get; set; } = [];
    public List<ConversationTopic> Topics { get; set; } = [];
    public List<ConversationAgreement> Agreements { get; set; } = [];
    public ConversationResponse? Response { get; set; }
}

/// <summary>Who took part: a user of the school (chosen from a list) or a free name with a role.</summary>
public class ConversationParticipant
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 100;

    public int Id { get; set; }
    public int ConversationId { get; set; }
    public string? UserId { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
}

/// <summary>What was discussed: a domain, an aspect, or a development point of the school.</summary>
public class ConversationTopic
{
    public int Id { get; set; }
    public int ConversationId { get; set; }
    public string? DomainKey { get; set; }
    public string? AspectKey { get; set; }
    public int? DevelopmentPointId { get; set; }
    public DevelopmentPoint? DevelopmentPoint { get; set; }
}

/// <summary>An afspraak made in a conversation: action, owner, deadline, status; it can become a development point.</summary>
public class ConversationAgreement
{
    public const int ActionMaxLength = 1000;
    public const int OwnerMaxLength = 200;

    public int Id { get; set; }
    public int ConversationId { get; set; }
    public Conversation Conversation { get; set; } = null!;
    public int SortOrder { get; set; }
    public string Action { get; set; } = "";
    public string? Owner { get; set; }
    public DateOnly? Deadline { get; set; }
    public AgreementStatus Status { get; set; }

    /// <summary>The development point this agreement became (the link is kept both ways: the point's page shows the conversation).</summary>
    public int? DevelopmentPointId { get; set; }
    public DevelopmentPoint? DevelopmentPoint { get; set; }
}

/// <summary>The school's short response to a conversation report; a record of its own, so it never conflicts with the author's edits.</summary>
public class ConversationResponse
{
    public const int TextMaxLength = 2000;

    public int ConversationId { get; set; }
    public string Text { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A board's startbijeenkomst: one meeting with several of its schools. Each school's part (its notes and its
/// agreements) is a <see cref="Conversation"/> of kind startbijeenkomst that only that school (and the board) reads.
/// </summary>
public class BoardMeeting : AuditableEntity
{
    public const int SummaryMaxLength = 8000;
    public const int ParticipantsMaxLength = 2000;

    public int BoardId { get; set; }
    public Board Board { get; set; } = null!;
    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;
    public DateOnly Date { get; set; }

    /// <summary>The general part, read by every school that took part.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Who led and attended (free text, e.g. "extern begeleider, directeuren en IB-ers").</summary>
    public string? Participants { get; set; }

    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";

    public List<Conversation> Conversations { get; set; } = [];
}
