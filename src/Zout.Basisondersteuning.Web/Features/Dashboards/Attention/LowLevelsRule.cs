namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>
/// Domains and aspects where many schools are at level 1 or 2 (niet aanwezig, in ontwikkeling). On a school's own
/// dashboard: its own cells at those levels that have no development point yet.
/// </summary>
public static class LowLevelsRule
{
    public const string Id = "low-levels";

    /// <summary>Levels at or below this one are low: 1 niet aanwezig and 2 in ontwikkeling on the default scale.</summary>
    public const int LowLevel = 2;

    /// <summary>"Many schools": at least this share of the schools that scored the cell ...</summary>
    public const double ShareOfSchools = 0.4;

    /// <summary>... and at least this many schools.</summary>
    public const int MinSchools = 3;

    public const int MaxLines = 3;

    public static IEnumerable<AttentionItem> Evaluate(AttentionContext context)
    {
        var framework = context.Framework;
        if (context.IsSchool)
        {
            var own = context.Counted(context.Current).FirstOrDefault();
            if (own is null) yield break;
            var low = (from d in framework.Domains
                       from a in framework.Aspects
                       let level = own.Level(d.Key, a.Key)
                       where level is { } l && l <= LowLevel && !context.PlannedCells.Contains((d.Key, a.Key))
                       orderby level
                       select context.CellName(d.Key, a.Key)).ToList();
            if (low.Count == 0) yield break;
            var examples = string.Join("; ", low.Take(MaxLines));
            var text = low.Count == 1
                ? $"{examples} staat op niveau 1 of 2 en heeft nog geen ontwikkelpunt."
                : $"{low.Count} onderdelen staan op niveau 1 of 2 zonder ontwikkelpunt: {examples}{(low.Count > MaxLines ? " en meer" : "")}.";
            yield return new AttentionItem(Id, text, context.DevelopmentPointsUrl ?? context.Link("#domeinen", null));
            yield break;
        }

        var entries = context.Counted(context.Current).ToList();
        var found = new List<(string Domain, string Aspect, int Low, int Scored)>();
        foreach (var domain in framework.Domains)
        {
            foreach (var aspect in framework.Aspects)
            {
                var scored = 0;
                var low = 0;
                foreach (var entry in entries)
                {
                    if (entry.Level(domain.Key, aspect.Key) is not { } level) continue;
                    scored++;
                    if (level <= LowLevel) low++;
                }

                if (low >= MinSchools && low >= ShareOfSchools * scored) found.Add((domain.Key, aspect.Key, low, scored));
            }
        }

        foreach (var (domain, aspect, low, scored) in found.OrderByDescending(f => (double)f.Low / f.Scored).ThenByDescending(f => f.Low).Take(MaxLines))
        {
            yield return new AttentionItem(Id,
                $"{context.CellName(domain, aspect)}: {ReportFormat.Count(low)} van de {ReportFormat.Count(scored)} scholen ({ReportFormat.Percent((double)low / scored)}) staan op niveau 1 of 2.",
                context.Link("#domeinen", $"domein={domain}"));
        }
    }
}
