using System.Globalization;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>
/// What dropped since last year: domains and verandercapaciteit whose average went down at the same schools. On a
/// school's own dashboard: its own cells that are lower than in last year's scan.
/// </summary>
public static class DroppedRule
{
    public const string Id = "dropped";

    /// <summary>A drop of the average by at least this much (on the level scale) at the same schools ...</summary>
    public const double MinDrop = 0.3;

    /// <summary>... of at least this many schools that have a submitted or adopted scan in both years.</summary>
    public const int MinSchools = 3;

    public const int MaxLines = 3;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static IEnumerable<AttentionItem> Evaluate(AttentionContext context)
    {
        if (context.PreviousFramework is not { } before || context.PreviousYear is null) yield break;
        var framework = context.Framework;
        var domains = framework.Domains.Where(d => before.Domains.ByKey(d.Key) is not null).ToList();
        if (context.IsSchool)
        {
            var own = context.Counted(context.Current).FirstOrDefault();
            // Last year's scan counts when it was submitted or adopted: what the school stood by.
            var last = context.Previous.GetValueOrDefault(own?.SchoolId ?? 0);
            if (own is null || last is not { IsFinal: true }) yield break;
            var lower = (from d in domains
                         from a in framework.Aspects
                         where before.Aspects.ByKey(a.Key) is not null
                         let now = own.Level(d.Key, a.Key)
                         let then = last.Level(d.Key, a.Key)
                         where now is not null && then is not null && now < then
                         orderby then - now descending
                         select $"{context.CellName(d.Key, a.Key)} ({then} → {now})").ToList();
            if (lower.Count == 0) yield break;
            yield return new AttentionItem(Id, lower.Count == 1
                ? $"Lager dan in {context.PreviousYear.Name}: {lower[0]}."
                : $"{lower.Count} onderdelen staan lager dan in {context.PreviousYear.Name}: {string.Join("; ", lower.Take(MaxLines))}{(lower.Count > MaxLines ? " en meer" : "")}.",
                context.Link("#domeinen", null));
            yield break;
        }

        // The same schools: a submitted or adopted scan in both years.
        var pairs = context.Schools
            .Select(s => (Now: context.Current.GetValueOrDefault(s.Id), Then: context.Previous.GetValueOrDefault(s.Id)))
            .Where(p => p.Now is { IsFinal: true } && p.Then is { IsFinal: true })
            .Select(p => (Now: p.Now!, Then: p.Then!))
            .ToList();
        if (pairs.Count < MinSchools) yield break;

        var found = new List<(string Name, double Now, double Then, int Schools, string Href)>();
        foreach (var domain in domains)
        {
            if (Compare(pairs, e => e.DomainAverage(domain.Key), e => e.DomainAverage(domain.Key)) is { } change)
                found.Add((domain.Name, change.Now, change.Then, change.Schools, context.Link("#domeinen", $"domein={domain.Key}")));
        }

        if (framework.ChangeCapacity.Count > 0 && before.ChangeCapacity.Count > 0
            && Compare(pairs, e => ScoreKind.ChangeCapacity.Average(e, framework), e => ScoreKind.ChangeCapacity.Average(e, before)) is { } capacity)
        {
            found.Add(("Verandercapaciteit", capacity.Now, capacity.Then, capacity.Schools, context.Link("#verandercapaciteit", null)));
        }

        foreach (var (name, now, then, schools, href) in found.Where(f => f.Then - f.Now >= MinDrop - 1e-9).OrderByDescending(f => f.Then - f.Now).Take(MaxLines))
        {
            yield return new AttentionItem(Id,
                $"{name} is gedaald van gemiddeld {ReportFormat.Level(then)} naar {ReportFormat.Level(now)} ({(now - then).ToString("+0.0;-0.0", Dutch)}) bij dezelfde {ReportFormat.Count(schools)} scholen.",
                href);
        }
    }

    /// <summary>The averages of this year and last year over the schools that have a value in both, when there are enough of them.</summary>
    private static (double Now, double Then, int Schools)? Compare(List<(SummaryEntry Now, SummaryEntry Then)> pairs, Func<SummaryEntry, double?> now, Func<SummaryEntry, double?> then)
    {
        double sumNow = 0, sumThen = 0;
        var count = 0;
        foreach (var (a, b) in pairs)
        {
            if (now(a) is not { } x || then(b) is not { } y) continue;
            sumNow += x;
            sumThen += y;
            count++;
        }

        return count < MinSchools ? null : (sumNow / count, sumThen / count, count);
    }
}
