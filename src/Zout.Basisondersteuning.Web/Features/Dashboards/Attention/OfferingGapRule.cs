namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>Offering items that no school in a region provides: a gap in the dekkend aanbod. On the partnership's dashboard only.</summary>
public static class OfferingGapRule
{
    public const string Id = "offering-gap";

    /// <summary>A region counts when at least this many of its schools submitted or adopted their scan: fewer say little about a gap.</summary>
    public const int MinSchools = 3;

    public const int MaxLines = 3;

    /// <summary>How many items a line names before it says "en N andere".</summary>
    public const int NamesPerLine = 3;

    public static IEnumerable<AttentionItem> Evaluate(AttentionContext context)
    {
        if (context.Scope != AttentionScope.Partnership) yield break;
        var items = context.Framework.OfferingItems.ToList();
        if (items.Count == 0) yield break;

        var found = new List<(string Region, List<string> Gaps)>();
        foreach (var region in context.Schools.Where(s => s.RegionId is not null).GroupBy(s => (s.RegionId, s.RegionName)))
        {
            var entries = region.Select(s => context.Current.GetValueOrDefault(s.Id)).Where(e => e is { IsFinal: true }).Cast<SummaryEntry>().ToList();
            if (entries.Count < MinSchools) continue;
            var gaps = items.Where(i => !entries.Any(e => e.Offering.Contains(i.Key))).Select(i => i.Name).ToList();
            if (gaps.Count > 0) found.Add((region.Key.RegionName ?? "", gaps));
        }

        foreach (var (region, gaps) in found.OrderByDescending(f => f.Gaps.Count).ThenBy(f => f.Region, StringComparer.Ordinal).Take(MaxLines))
        {
            var names = string.Join(", ", gaps.Take(NamesPerLine));
            var more = gaps.Count > NamesPerLine ? $" en {gaps.Count - NamesPerLine} {(gaps.Count - NamesPerLine == 1 ? "ander onderdeel" : "andere onderdelen")}" : "";
            yield return new AttentionItem(Id, $"{region}: geen enkele school biedt {names}{more} aan.", context.Link("#dekkend-aanbod", null));
        }
    }
}
