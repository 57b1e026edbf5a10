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

    // Team Basisondersteuning: conversations, requests, connections, phases (issue 11).

    public static string ToDutch(this Team.ConversationKind kind) => kind switch
    {
        Team.ConversationKind.StartMeeting => "Startbijeenkomst",
        Team.ConversationKind.OfficeHours => "Spreekuur",
        Team.ConversationKind.Progress => "Voortgangsgesprek",
        Team.ConversationKind.Evaluation => "Evaluatie",
        Team.ConversationKind.FirstAid => "EHBO-vraag",
        _ => kind.ToString(),
    };

    public static string ToDutch(this Team.AgreementStatus status) => status switch
    {
        Team.AgreementStatus.Open => "Open",
        Team.AgreementStatus.InProgress => Busy,
        Team.AgreementStatus.Done => "Afgerond",
        _ => status.ToString(),
    };

    public static string ToDutch(this Team.SupportRequestKind kind) => kind switch
    {
        Team.SupportRequestKind.RouteCoach => "Routecoach of spreekuur",
        Team.SupportRequestKind.FirstAid => "EHBO-vraag uit de casuïstiek",
        Team.SupportRequestKind.Connect => "Verbind ons met een school die hier sterk in is",
        Team.SupportRequestKind.JointTraining => "Gezamenlijke scholing",
        _ => kind.ToString(),
    };

    public static string ToDutch(this Team.SupportRequestStatus status) => status switch
    {
        Team.SupportRequestStatus.New => "Nieuw",
        Team.SupportRequestStatus.InProgress => "In behandeling",
        Team.SupportRequestStatus.Done => "Afgerond",
        _ => status.ToString(),
    };

    public static string ToDutch(this Team.ConnectionStatus status) => status switch
    {
        Team.ConnectionStatus.Proposed => "Voorgesteld",
        Team.ConnectionStatus.Accepted => "Geaccepteerd",
        Team.ConnectionStatus.Declined => "Afgewezen",
        _ => status.ToString(),
    };

    public static string ToDutch(this Team.ImplementationPhase phase) => phase switch
    {
        Team.ImplementationPhase.None => "Nog niet gestart",
        Team.ImplementationPhase.ScanCompleted => "Scan ingevuld",
        Team.ImplementationPhase.StartMeetingHeld => "Startbijeenkomst gehouden",
        Team.ImplementationPhase.InDevelopment => "In ontwikkeling",
        Team.ImplementationPhase.Implemented => "Basisondersteuning ingevoerd",
        _ => phase.ToString(),
    };

    public static string ToDutch(this Notifications.NotificationMode mode) => mode switch
    {
        Notifications.NotificationMode.PerEvent => "Een e-mail per gebeurtenis",
        Notifications.NotificationMode.DailyDigest => "Eén dagelijks overzicht",
        _ => mode.ToString(),
    };
}
