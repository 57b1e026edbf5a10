namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>The framework of one school year, stored as its JSON document.</summary>
public class ScanFramework : AuditableEntity
{
    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;
    public string DefinitionJson { get; set; } = "";

    /// <summary>Raised on every change: optimistic concurrency and a cache key for the parsed definition.</summary>
    public int Version { get; set; }
}

public enum ScanStatus
{
    NotStarted = 0,
    Concept = 1,
    Submitted = 2,
    Adopted = 3,
}

public enum MrAdviceOutcome
{
    Positive = 1,
    PositiveWithRemarks = 2,
    Negative = 3,
}

/// <summary>A school's self-scan of one school year.</summary>
public class Scan : AuditableEntity
{
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;

    public ScanStatus Status { get; set; }

    /// <summary>The adopted scan whose answers this one started with.</summary>
    public int? CarriedOverFromScanId { get; set; }
    public Scan? CarriedOverFrom { get; set; }

    /// <summary>Set by an admin to let this one school edit outside the scan window, until this date.</summary>
    public DateOnly? EditableUntil { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? AdoptedAt { get; set; }
    public string? AdoptedBy { get; set; }
    public DateOnly? AdoptionDate { get; set; }
    public DateOnly? MrAdviceDate { get; set; }
    public MrAdviceOutcome? MrAdviceOutcome { get; set; }

    /// <summary>Raised on every workflow step: two people cannot submit and reopen at once.</summary>
    public int Version { get; set; }

    public List<ScanSection> Sections { get; set; } = [];
    public List<ScanAnswer> Answers { get; set; } = [];
    public List<ScanTransition> Transitions { get; set; } = [];
}

public enum SectionState
{
    NotStarted = 0,
    InProgress = 1,
    Complete = 2,
}

/// <summary>One section of a scan (a domain, verandercapaciteit, agreements, ...): saved as a whole.</summary>
public class ScanSection
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public Scan Scan { get; set; } = null!;
    public string Key { get; set; } = "";
    public SectionState State { get; set; }

    /// <summary>True when the school confirmed with one action that nothing changed since last year.</summary>
    public bool ConfirmedUnchanged { get; set; }

    /// <summary>Optimistic concurrency: the version the editor started from must still be current.</summary>
    public int Version { get; set; }

    public DateTimeOffset? SavedAt { get; set; }
    public string? SavedBy { get; set; }
}

public enum AnswerOrigin
{
    /// <summary>Filled in this year for the first time.</summary>
    New = 0,

    /// <summary>Taken over from last year's adopted scan and not yet looked at.</summary>
    CarriedOver = 1,

    /// <summary>Taken over and changed this year.</summary>
    Changed = 2,

    /// <summary>Taken over and confirmed unchanged this year.</summary>
    ConfirmedUnchanged = 3,
}

/// <summary>
/// One answer, identified by a stable item key: "d:{domain}:{aspect}", "cc:{statement}", "a:{agreement}",
/// "o:{offering item}", "q:{question}", "f:{finance category}", "f:evaluation", "k:{key figure}".
/// Made and read only through <see cref="Scans.ItemKey"/>.
/// </summary>
public class ScanAnswer
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public Scan Scan { get; set; } = null!;
    public string ItemKey { get; set; } = "";
    public int? Level { get; set; }
    public int? TargetLevel { get; set; }
    public string? Text { get; set; }
    public decimal? Number { get; set; }
    public bool Checked { get; set; }
    public AnswerOrigin Origin { get; set; }
}

/// <summary>A workflow step: submitted, adopted, reopened (with the reason).</summary>
public class ScanTransition
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public ScanStatus From { get; set; }
    public ScanStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>Who changed which value of a scan when, with the old and new value.</summary>
public class ScanAuditEntry
{
    public long Id { get; set; }
    public int ScanId { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>What a user typed in a section but did not save yet (saved as they go, with JavaScript).</summary>
public class ScanDraft
{
    public int Id { get; set; }
    public int ScanId { get; set; }
    public string SectionKey { get; set; } = "";
    public string UserId { get; set; } = "";
    public string ValuesJson { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>
/// A form posted after the login had expired: kept so the person finds their input back after logging
/// in. Bound to the browser that posted it by a secret cookie; expires after a day.
/// </summary>
public class RescuedForm
{
    public string Id { get; set; } = "";
    public string Path { get; set; } = "";

    /// <summary>The school the form was posted for: only a user of that school gets it back.</summary>
    public int SchoolId { get; set; }

    public string BrowserKeyHash { get; set; } = "";
    public string ValuesJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public enum DevelopmentPointStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
}

/// <summary>An ontwikkelpunt: how the school gets from level A to B in one domain and aspect.</summary>
public class DevelopmentPoint : AuditableEntity
{
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;
    public string DomainKey { get; set; } = "";
    public string AspectKey { get; set; } = "";
    public string Title { get; set; } = "";
    public int? CurrentLevel { get; set; }
    public int? TargetLevel { get; set; }
    public string? Actions { get; set; }
    public string? Owner { get; set; }
    public DateOnly? Deadline { get; set; }
    public DevelopmentPointStatus Status { get; set; }
    public int Version { get; set; }
}
