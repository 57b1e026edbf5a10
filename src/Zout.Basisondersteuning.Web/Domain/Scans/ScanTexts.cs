namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>The Dutch words users read for the scan's states.</summary>
public static class ScanTexts
{
    public static string ToDutch(this ScanStatus status) => status switch
    {
        ScanStatus.NotStarted => "Niet begonnen",
        ScanStatus.Concept => "Concept",
        ScanStatus.Submitted => "Ingediend",
        ScanStatus.Adopted => "Vastgesteld",
        _ => status.ToString(),
    };

    public static string ToDutch(this SectionState state) => state switch
    {
        SectionState.NotStarted => "Niet begonnen",
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

    public static string ToDutch(this DevelopmentPointStatus status) => status switch
    {
        DevelopmentPointStatus.Planned => "Gepland",
        DevelopmentPointStatus.InProgress => "Bezig",
        DevelopmentPointStatus.Done => "Gereed",
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
