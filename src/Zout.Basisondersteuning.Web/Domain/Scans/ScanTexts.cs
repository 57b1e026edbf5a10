namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// The Dutch words users read for the states of scans, sections, answers and development points: the one
/// place for each of them. Pages, documents, dashboards and downloads all use these.
/// </summary>
public static class ScanTexts
{
    private const string NotStarted = "Niet begonnen";
    private const string Busy = "Bezig";

    public static string ToDutch(this ScanStatus status) => status switch
    {
        ScanStatus.NotStarted => NotStarted,
        ScanStatus.Concept => "Concept",
        ScanStatus.Submitted => "Ingediend",
        ScanStatus.Adopted => "Vastgesteld",
        _ => status.ToString(),
    };

    /// <summary>A school without a scan reads as "Niet begonnen".</summary>
    public static string ToDutch(this ScanStatus? status) => (status ?? ScanStatus.NotStarted).ToDutch();

    /// <summary>How far a scan that has not been submitted yet is, for the reminders: "Bezig" or "Niet begonnen".</summary>
    public static string ToDutchProgress(this ScanStatus status) =>
        status == ScanStatus.Concept ? Busy : NotStarted;

    public static string ToDutch(this SectionState state) => state switch
    {
        SectionState.NotStarted => NotStarted,
        SectionState.InProgress => "Nog niet compleet",
        SectionState.Complete => "Compleet",
        _ => state.ToString(),
    };

    public static string ToDutch(this AnswerOrigin origin) => origin switch
    {
        AnswerOrigin.New => "Nieuw ingevuld",
        AnswerOrigin.CarriedOver => "Overgenomen van vorig jaar",
        AnswerOrigin.Changed => "Gewijzigd",
        AnswerOrigin.ConfirmedUnchanged => "Ongewijzigd bevestigd",
        _ => origin.ToString(),
    };

    public static string ToDutch(this MrAdviceOutcome outcome) => outcome switch
    {
        MrAdviceOutcome.Positive => "Positief",
        MrAdviceOutcome.PositiveWithRemarks => "Positief met opmerkingen",
        MrAdviceOutcome.Negative => "Negatief",
        _ => outcome.ToString(),
    };

    /// <summary>The MR advice inside a sentence of the SOP: "Het advies was positief, met opmerkingen."</summary>
    public static string ToDutchInSentence(this MrAdviceOutcome? outcome) => outcome switch
    {
        MrAdviceOutcome.Positive => "positief",
        MrAdviceOutcome.PositiveWithRemarks => "positief, met opmerkingen",
        MrAdviceOutcome.Negative => "negatief",
        _ => "nog niet gegeven",
    };

    public static string ToDutch(this DevelopmentPointStatus status) => status switch
    {
        DevelopmentPointStatus.Planned => "Gepland",
        DevelopmentPointStatus.InProgress => Busy,
        DevelopmentPointStatus.Done => "Afgerond",
        _ => status.ToString(),
    };

    public static string ToDutch(this OfferingKind kind) => kind switch
    {
        OfferingKind.Expertise => "Expertise in het team",
        OfferingKind.Intervention => "Interventies en programma's",
        OfferingKind.Facility => "Voorzieningen in het gebouw",
        OfferingKind.Partner => "Samenwerkingspartners",
        _ => kind.ToString(),
    };
}
