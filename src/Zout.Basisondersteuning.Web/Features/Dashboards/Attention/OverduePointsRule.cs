using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>Development points past their deadline that are not done.</summary>
public static class OverduePointsRule
{
    public const string Id = "overdue-points";

    /// <summary>How many titles a school's line names.</summary>
    public const int Examples = 2;

    public static IEnumerable<AttentionItem> Evaluate(AttentionContext context)
    {
        var points = context.OverduePoints;
        if (points.Count == 0) yield break;
        if (context.IsSchool)
        {
            var named = string.Join("; ", points.OrderBy(p => p.Deadline).Take(Examples).Select(p => $"\u201c{p.Title}\u201d ({DutchCalendar.Format(p.Deadline)})"));
            yield return new AttentionItem(Id, points.Count == 1
                ? $"Een ontwikkelpunt is over de datum en nog niet afgerond: {named}."
                : $"{points.Count} ontwikkelpunten zijn over de datum en nog niet afgerond, zoals {named}.",
                context.DevelopmentPointsUrl ?? context.Link("#ontwikkelpunten", null));
            yield break;
        }

        var schools = points.Select(p => p.SchoolId).Distinct().Count();
        var anchor = context.Scope == AttentionScope.Partnership ? "#gedeelde-ontwikkelpunten" : "#ontwikkelpunten";
        yield return new AttentionItem(Id,
            $"{ReportFormat.Count(points.Count)} {(points.Count == 1 ? "ontwikkelpunt is" : "ontwikkelpunten zijn")} over de datum en nog niet afgerond, bij {ReportFormat.Count(schools)} {(schools == 1 ? "school" : "scholen")}.",
            context.Link(anchor, null));
    }
}
