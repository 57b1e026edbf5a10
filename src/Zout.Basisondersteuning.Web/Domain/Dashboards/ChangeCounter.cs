namespace Zout.Basisondersteuning.Web.Domain.Dashboards;

/// <summary>
/// A named counter that hands out increasing stamps. Whoever raises it holds its row lock until the
/// transaction commits, so stamps become visible in the order they were handed out: a reader that has seen
/// stamp N will never later find a row with a stamp below N (docs/decisions/030-dashboard-aggregates.md).
/// </summary>
public class ChangeCounter
{
    public const int NameMaxLength = 100;

    /// <summary>The stamps of <see cref="ScanSummary"/>.</summary>
    public const string ScanSummaries = "scan-summaries";

    /// <summary>Raised after every save that changed a school, board, region or user: the dashboards' school list follows it.</summary>
    public const string Structure = "structure";

    public string Name { get; set; } = "";
    public long Value { get; set; }
}
