using System.Globalization;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// A school's own scores next to the average of its board and of the partnership. Only averages are shown, never
/// another school's score, and an average over fewer than <see cref="MinSchools"/> schools is left out: with two
/// schools, the average and the school's own score would give away the other school's score.
/// </summary>
public static class SchoolComparison
{
    public const int MinSchools = 3;

    /// <summary>The averages per item and over all items of a set of schools' submitted and adopted scans.</summary>
    public sealed record Averages(IReadOnlyDictionary<string, (double Mean, int Count)> Items, (double Mean, int Count)? Whole, int Schools)
    {
        public string Show(string? key)
        {
            var value = key is null ? Whole : Items.TryGetValue(key, out var item) ? item : null;
            return value is { } v && v.Count >= MinSchools ? ReportFormat.Level(v.Mean) : "–";
        }
    }

    public static Averages Of(ScoreKind kind, FrameworkDefinition framework, IReadOnlyCollection<SummaryEntry> entries)
    {
        var items = new Dictionary<string, (double Mean, int Count)>(StringComparer.Ordinal);
        foreach (var item in kind.Items(framework))
        {
            var sum = 0;
            var count = 0;
            foreach (var entry in entries)
            {
                if (kind.Score(entry, item.Key) is not { } score) continue;
                sum += score;
                count++;
            }

            if (count > 0) items[item.Key] = ((double)sum / count, count);
        }

        var wholes = entries.Select(e => kind.Average(e, framework)).Where(v => v is not null).Select(v => v!.Value).ToList();
        return new Averages(items, wholes.Count == 0 ? null : (wholes.Average(), wholes.Count), entries.Count);
    }

    /// <summary>Per item: the school's score this year and last year, the board's and the partnership's average.</summary>
    public static ReportTable Table(ScoreKind kind, string caption, FrameworkDefinition framework, SummaryEntry? own,
        SummaryEntry? lastYear, FrameworkDefinition? previousFramework, string? previousName, Averages board, Averages partnership)
    {
        var table = new ReportTable($"{kind.Id}-vergelijking", caption)
        {
            Headers = [kind.ItemHeader, "Uw school", previousName is null ? "Vorig jaar" : $"Uw school {previousName}", "Gemiddeld bestuur", "Gemiddeld samenwerkingsverband"],
            Note = $"Uw eigen scan, ook als die nog niet is ingediend. De gemiddelden zijn van de ingediende en vastgestelde scans: {Count(board.Schools)} van uw bestuur en {Count(partnership.Schools)} in het samenwerkingsverband. "
                   + $"Een gemiddelde over minder dan {MinSchools.ToString(CultureInfo.InvariantCulture)} scholen staat er niet (–): het zou iets zeggen over een andere school.",
            EmptyText = "Dit schooljaar heeft het kader hier geen onderdelen.",
        };
        foreach (var item in kind.Items(framework))
        {
            var score = own is null ? null : kind.Score(own, item.Key);
            var before = lastYear is not null && previousFramework is not null && kind.Items(previousFramework).Any(i => i.Key == item.Key) ? kind.Score(lastYear, item.Key) : null;
            table.Add(item.Label, new ReportCell(Level(score), Css: ReportFormat.Heat(score)), Level(before), board.Show(item.Key), partnership.Show(item.Key));
        }

        if (table.Rows.Count > 0)
        {
            var whole = own is null ? null : kind.Average(own, framework);
            var wholeBefore = lastYear is not null && previousFramework is not null ? kind.Average(lastYear, previousFramework) : null;
            table.Add(ScoreTables.Overall, new ReportCell(ReportFormat.Level(whole), Css: ReportFormat.Heat(whole)), ReportFormat.Level(wholeBefore), board.Show(null), partnership.Show(null));
        }

        return table;
    }

    private static string Level(int? level) => level?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Count(int schools) => schools == 1 ? "1 school" : $"{ReportFormat.Count(schools)} scholen";
}
