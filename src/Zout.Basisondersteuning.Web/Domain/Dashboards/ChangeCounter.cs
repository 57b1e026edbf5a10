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

    /// <summary>Raised after every save that changed a school, board, region, the partnership or a user's name: the school list in memory follows it.</summary>
    public const string Structure = "structure";

    /// <summary>Raised after every save that changed what the signed-in user's session depends on: role, scope, status, password, security stamp.</summary>
    public const string Accounts = "accounts";

    /// <summary>Raised after every save that changed a school year or its framework.</summary>
    public const string Frameworks = "frameworks";

    /// <summary>
    /// Raised after every save that changed the work of Team Basisondersteuning the dashboards count: development points,
    /// support requests, need signals, conversations, implementation phases set, connections between schools, board meetings.
    /// </summary>
    public const string Activity = "activity";

    /// <summary>Raised after every save that published (or withdrew) a document: the public school list follows it.</summary>
    public const string Published = "published";

    /// <summary>
    /// Raised after every save that changed the partnership's support content of a year: its texts (SOP framing, route,
    /// Team Basisondersteuning) and its arrangements. The documents that print it follow it.
    /// </summary>
    public const string Support = "support";

    /// <summary>The prefix of <see cref="SchoolContent"/>.</summary>
    public const string SchoolContentPrefix = "school-content:";

    /// <summary>
    /// The counter of one school's own content: its scans, their sections and answers, its development points. Raised
    /// after every save that changed one of them; the school's documents follow it (ADR 074). One row per school, made by
    /// the first save that raises it.
    /// </summary>
    public static string SchoolContent(int schoolId) => SchoolContentPrefix + schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Name { get; set; } = "";
    public long Value { get; set; }
}
