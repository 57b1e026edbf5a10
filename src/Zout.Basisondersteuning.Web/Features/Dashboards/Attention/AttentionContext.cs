using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>Whose dashboard the list is on: one school reads about its own data, a board and the partnership about many schools.</summary>
public enum AttentionScope
{
    School,
    Board,
    Partnership,
}

/// <summary>One line of "Wat vraagt aandacht": what, in a sentence, and where to look at it (or act on it).</summary>
public sealed record AttentionItem(string Rule, string Text, string Href);

/// <summary>A school's development point that is past its deadline and not done.</summary>
public sealed record OverduePoint(int SchoolId, string? Title, DateOnly Deadline);

/// <summary>
/// What the rules look at: the schools of the dashboard (its scope and filter), their scans of this year and last year
/// from the summaries, the development points past their deadline, today's date and where the details are.
/// </summary>
public sealed class AttentionContext
{
    public required AttentionScope Scope { get; init; }
    public required DateOnly Today { get; init; }
    public required YearOption Year { get; init; }
    public required FrameworkDefinition Framework { get; init; }
    public YearOption? PreviousYear { get; init; }
    public FrameworkDefinition? PreviousFramework { get; init; }
    public required IReadOnlyList<SchoolInfo> Schools { get; init; }
    public required IReadOnlyDictionary<int, SummaryEntry> Current { get; init; }
    public required IReadOnlyDictionary<int, SummaryEntry> Previous { get; init; }

    /// <summary>Development points of these schools in this school year whose deadline is before today and that are not done.</summary>
    public IReadOnlyList<OverduePoint> OverduePoints { get; init; } = [];

    /// <summary>The cells (domain, aspect) the school already has a development point for this year: a low level with a plan is not news.</summary>
    public IReadOnlySet<(string Domain, string Aspect)> PlannedCells { get; init; } = new HashSet<(string, string)>();

    /// <summary>The address of a part of this dashboard, with its filters: <c>Link("#afspraken")</c>, <c>Link("#domeinen", "domein=rekenen")</c>.</summary>
    public required Func<string, string?, string> Link { get; init; }

    /// <summary>On a school's dashboard: the address of its scan of this year and of its development points.</summary>
    public string? ScanUrl { get; init; }
    public string? DevelopmentPointsUrl { get; init; }

    public bool IsSchool => Scope == AttentionScope.School;

    /// <summary>
    /// The scans the rules count: on a school's own dashboard its scan whatever the status (the school sees its own work);
    /// elsewhere submitted and adopted scans only, as every figure of the dashboards.
    /// </summary>
    public IEnumerable<SummaryEntry> Counted(IReadOnlyDictionary<int, SummaryEntry> scans)
    {
        foreach (var school in Schools)
        {
            if (scans.TryGetValue(school.Id, out var entry) && (IsSchool || entry.IsFinal)) yield return entry;
        }
    }

    /// <summary>"Taal en lezen, aanbod".</summary>
    public string CellName(string domainKey, string aspectKey) =>
        $"{Framework.DomainName(domainKey)}, {Framework.AspectName(aspectKey).ToLower(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}";
}
