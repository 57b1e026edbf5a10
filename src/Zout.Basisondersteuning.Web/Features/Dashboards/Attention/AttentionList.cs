namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>
/// "Wat vraagt aandacht": every rule in one list, in the order their lines are shown, each rule in a class of its own
/// with its thresholds as constants. A rule yields at most a few lines; the list as a whole stays short.
/// </summary>
public static class AttentionList
{
    /// <summary>The longest the list gets.</summary>
    public const int MaxItems = 10;

    public static readonly IReadOnlyList<(string Id, Func<AttentionContext, IEnumerable<AttentionItem>> Evaluate)> Rules =
    [
        (ScanDeadlineRule.Id, ScanDeadlineRule.Evaluate),
        (OverduePointsRule.Id, OverduePointsRule.Evaluate),
        (KeyFigureRiseRule.Id, KeyFigureRiseRule.Evaluate),
        (DroppedRule.Id, DroppedRule.Evaluate),
        (LowLevelsRule.Id, LowLevelsRule.Evaluate),
        (LowAgreementsRule.Id, LowAgreementsRule.Evaluate),
        (OfferingGapRule.Id, OfferingGapRule.Evaluate),
    ];

    public static IReadOnlyList<AttentionItem> Evaluate(AttentionContext context) =>
        Rules.SelectMany(r => r.Evaluate(context)).Take(MaxItems).ToList();
}
