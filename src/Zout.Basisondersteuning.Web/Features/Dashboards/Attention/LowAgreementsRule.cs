namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>
/// Agreements (afspraken) that many schools score low. All agreements count, also those the SOP lists ter kennisgeving.
/// On a school's own dashboard: the agreements it scores low itself.
/// </summary>
public static class LowAgreementsRule
{
    public const string Id = "low-agreements";

    /// <summary>A score at or below this one is low.</summary>
    public const int LowScore = 2;

    /// <summary>"Many schools": at least this share of the schools that scored the agreement ...</summary>
    public const double ShareOfSchools = 0.4;

    /// <summary>... and at least this many schools.</summary>
    public const int MinSchools = 3;

    public const int MaxLines = 3;

    /// <summary>The agreement's text is shortened to this many characters in a line.</summary>
    public const int TextLength = 70;

    public static IEnumerable<AttentionItem> Evaluate(AttentionContext context)
    {
        var items = ScoreKind.Agreements.Items(context.Framework);
        if (items.Count == 0) yield break;
        var link = context.Link("#afspraken", null);
        if (context.IsSchool)
        {
            var own = context.Counted(context.Current).FirstOrDefault();
            if (own is null) yield break;
            var low = items.Where(i => ScoreKind.Agreements.Score(own, i.Key) is { } s && s <= LowScore).Select(i => i.ShortLabel.ToLower(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))).ToList();
            if (low.Count == 0) yield break;
            yield return new AttentionItem(Id, low.Count == 1
                ? $"Uw school scoort {low[0]} met 1 of 2."
                : $"Uw school scoort {low.Count} afspraken met 1 of 2: {string.Join(", ", low)}.", link);
            yield break;
        }

        var entries = context.Counted(context.Current).ToList();
        var found = new List<(ScoreItem Item, int Low, int Scored)>();
        foreach (var item in items)
        {
            var scored = 0;
            var low = 0;
            foreach (var entry in entries)
            {
                if (ScoreKind.Agreements.Score(entry, item.Key) is not { } score) continue;
                scored++;
                if (score <= LowScore) low++;
            }

            if (low >= MinSchools && low >= ShareOfSchools * scored) found.Add((item, low, scored));
        }

        foreach (var (item, low, scored) in found.OrderByDescending(f => (double)f.Low / f.Scored).ThenByDescending(f => f.Low).Take(MaxLines))
        {
            yield return new AttentionItem(Id,
                $"{item.ShortLabel} ({Shorten(item.Label)}): {ReportFormat.Count(low)} van de {ReportFormat.Count(scored)} scholen ({ReportFormat.Percent((double)low / scored)}) scoren 1 of 2.",
                link);
        }
    }

    private static string Shorten(string label)
    {
        var text = label[(label.IndexOf(". ", StringComparison.Ordinal) + 2)..].TrimEnd('.');
        if (text.Length <= TextLength) return text;
        var cut = text.LastIndexOf(' ', TextLength - 1);
        return text[..(cut > 0 ? cut : TextLength - 1)].TrimEnd(',', ' ') + " …";
    }
}
