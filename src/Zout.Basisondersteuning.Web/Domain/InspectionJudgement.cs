namespace Zout.Basisondersteuning.Web.Domain;

/// <summary>
/// The Inspectie van het Onderwijs' most recent judgement of a school: its basiskwaliteit (seeds 001 and 004). The
/// numbers are stored.
/// </summary>
public enum InspectionJudgement
{
    /// <summary>Basistoezicht: no overall judgement, the school is under the inspection's basic supervision.</summary>
    BasicSupervision = 1,
    Good = 2,
    Sufficient = 3,
    Insufficient = 4,
    VeryWeak = 5,
}

/// <summary>The Dutch words for the inspection's judgements: the one place for them.</summary>
public static class InspectionTexts
{
    /// <summary>The judgements in the order the admin or the school chooses from.</summary>
    public static IReadOnlyList<InspectionJudgement> All { get; } =
        [InspectionJudgement.Good, InspectionJudgement.Sufficient, InspectionJudgement.BasicSupervision, InspectionJudgement.Insufficient, InspectionJudgement.VeryWeak];

    public static string ToDutch(this InspectionJudgement judgement) => judgement switch
    {
        InspectionJudgement.BasicSupervision => "Basistoezicht (geen eindoordeel)",
        InspectionJudgement.Good => "Goed",
        InspectionJudgement.Sufficient => "Voldoende",
        InspectionJudgement.Insufficient => "Onvoldoende",
        InspectionJudgement.VeryWeak => "Zeer zwak",
        _ => judgement.ToString(),
    };
}
