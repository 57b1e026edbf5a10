using System.Globalization;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>
/// Key figures that rose sharply since last year, such as the number of thuiszitters: the total over the schools that
/// filled the figure in both years (an empty figure is not 0 and is left out), or the school's own number.
/// </summary>
public static class KeyFigureRiseRule
{
    public const string Id = "key-figure-rise";

    /// <summary>A rise of at least this many (pupils) ...</summary>
    public const decimal MinRise = 2;

    /// <summary>... and at least this share of last year's number (any rise from 0 counts).</summary>
    public const decimal RelativeRise = 0.25m;

    public const int MaxLines = 3;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static IEnumerable<AttentionItem> Evaluate(AttentionContext context)
    {
        if (context.PreviousFramework is not { } before || context.PreviousYear is null) yield break;
        var found = new List<(string Name, decimal Now, decimal Then, int Schools)>();
        foreach (var figure in context.Framework.KeyFigures.Where(k => before.KeyFigures.ByKey(k.Key) is not null))
        {
            decimal now = 0, then = 0;
            var schools = 0;
            foreach (var school in context.Schools)
            {
                var current = context.Current.GetValueOrDefault(school.Id);
                var previous = context.Previous.GetValueOrDefault(school.Id);
                if (current is null || previous is not { IsFinal: true } || (!context.IsSchool && !current.IsFinal)) continue;
                if (!current.KeyFigures.TryGetValue(figure.Key, out var a) || !previous.KeyFigures.TryGetValue(figure.Key, out var b)) continue;
                now += a;
                then += b;
                schools++;
            }

            if (schools == 0) continue;
            var rise = now - then;
            if (rise >= MinRise && rise >= RelativeRise * then) found.Add((figure.Name, now, then, schools));
        }

        foreach (var (name, now, then, schools) in found.OrderByDescending(f => f.Then == 0 ? decimal.MaxValue : (f.Now - f.Then) / f.Then).Take(MaxLines))
        {
            var percent = then == 0 ? "" : $", {((now - then) / then).ToString("+0%;-0%", Dutch)}";
            var who = context.IsSchool ? "" : schools == 1 ? " bij de enige school die het beide jaren invulde" : $" bij de {ReportFormat.Count(schools)} scholen die het beide jaren invulden";
            yield return new AttentionItem(Id,
                $"{name}: van {ReportFormat.Number(then)} in {context.PreviousYear.Name} naar {ReportFormat.Number(now)} (+{ReportFormat.Number(now - then)}{percent}){who}.",
                context.Link("#kengetallen", null));
        }
    }
}
