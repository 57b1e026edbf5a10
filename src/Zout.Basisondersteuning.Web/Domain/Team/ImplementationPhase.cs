namespace Zout.Basisondersteuning.Web.Domain.Team;

/// <summary>
/// How far a school is with basisondersteuning (seed 000: scan, startbijeenkomst, ontwikkelen, volledige
/// implementatie). The first two follow from the data; the consultant sets the others.
/// </summary>
public enum ImplementationPhase
{
    None = 0,
    ScanCompleted = 1,
    StartMeetingHeld = 2,
    InDevelopment = 3,
    Implemented = 4,
}

/// <summary>A phase a consultant set for a school, with the date and a note: the school's phase history.</summary>
public class ImplementationPhaseStep
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public ImplementationPhase Phase { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
    public string SetByName { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
}

/// <summary>The rules of the phases, in one place.</summary>
public static class ImplementationPhases
{
    /// <summary>The phases a consultant sets; the others follow from the data.</summary>
    public static readonly IReadOnlyList<ImplementationPhase> Settable = [ImplementationPhase.InDevelopment, ImplementationPhase.Implemented];

    public static readonly IReadOnlyList<ImplementationPhase> All =
        [ImplementationPhase.ScanCompleted, ImplementationPhase.StartMeetingHeld, ImplementationPhase.InDevelopment, ImplementationPhase.Implemented];

    /// <summary>
    /// The current phase: the latest phase a consultant set, but never below what the data shows (a submitted or
    /// adopted scan; a startbijeenkomst recorded). With the date the school reached it.
    /// </summary>
    public static (ImplementationPhase Phase, DateOnly? Since) Current(DateOnly? scanCompleted, DateOnly? startMeeting, ImplementationPhase? lastSet, DateOnly? lastSetDate)
    {
        var derived = startMeeting is not null ? (ImplementationPhase.StartMeetingHeld, startMeeting)
            : scanCompleted is not null ? (ImplementationPhase.ScanCompleted, scanCompleted)
            : (ImplementationPhase.None, (DateOnly?)null);
        return lastSet is { } set && set >= derived.Item1 ? (set, lastSetDate) : derived;
    }
}
