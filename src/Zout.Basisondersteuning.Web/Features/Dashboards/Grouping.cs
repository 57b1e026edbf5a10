using System.Globalization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>How the partnership dashboard groups its schools: by board, by region (team, wijk, kring) or by municipality.</summary>
public enum Grouping
{
    Board,
    Region,
    Municipality,
}

/// <summary>The groups of a dashboard's rows, their Dutch words and address values, in one place.</summary>
public static class Groupings
{
    /// <summary>The value in the address (<c>?groep=regio</c>) and the word on the page, per grouping.</summary>
    public static readonly IReadOnlyList<(Grouping Grouping, string Value, string Plural)> All =
    [
        (Grouping.Board, "bestuur", "Besturen"),
        (Grouping.Region, "regio", "Regio's"),
        (Grouping.Municipality, "gemeente", "Gemeenten"),
    ];

    public static Grouping Parse(string? value) => All.FirstOrDefault(g => g.Value == value) is { Value: not null } found ? found.Grouping : Grouping.Board;

    public static string Value(this Grouping grouping) => All.First(g => g.Grouping == grouping).Value;

    /// <summary>"Besturen", "Regio's", "Gemeenten": the header of the rows.</summary>
    public static string Plural(this Grouping grouping) => All.First(g => g.Grouping == grouping).Plural;

    /// <summary>What a school without a region or municipality is grouped under.</summary>
    public const string NoRegion = "Zonder regio";
    public const string NoMunicipality = "Gemeente onbekend";

    /// <summary>
    /// A municipality as people write it: DUO publishes capitals ("UTRECHTSE HEUVELRUG", "WIJK BIJ DUURSTEDE");
    /// the page shows "Utrechtse Heuvelrug", "Wijk bij Duurstede", "'s-Hertogenbosch".
    /// </summary>
    public static string MunicipalityName(string? municipality)
    {
        if (string.IsNullOrWhiteSpace(municipality)) return NoMunicipality;
        var words = municipality.Trim().ToLower(Dutch).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.StartsWith("'s-", StringComparison.Ordinal) || word == "'s") continue;
            if (i > 0 && Particles.Contains(word)) continue;
            words[i] = string.Join('-', word.Split('-').Select(part => part.Length == 0 ? part : char.ToUpper(part[0], Dutch) + part[1..]));
        }

        return string.Join(' ', words);
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly HashSet<string> Particles = ["aan", "bij", "de", "den", "der", "en", "in", "op", "over", "van", "ten", "ter"];

    /// <summary>The schools grouped as the dashboard asks, each group linking to where it can be looked at more closely.</summary>
    public static IReadOnlyList<HeatmapGroup> Groups(IEnumerable<SchoolInfo> schools, Grouping grouping, Func<SchoolInfo, string> groupHref) =>
        (grouping switch
        {
            Grouping.Board => schools.GroupBy(s => (Key: s.BoardId.ToString(CultureInfo.InvariantCulture), Name: s.BoardName)),
            Grouping.Region => schools.GroupBy(s => (Key: s.RegionId?.ToString(CultureInfo.InvariantCulture) ?? "", Name: s.RegionName ?? NoRegion)),
            _ => schools.GroupBy(s => (Key: s.Municipality ?? "", Name: MunicipalityName(s.Municipality))),
        })
        .OrderBy(g => g.Key.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key.Name, StringComparer.Create(Dutch, ignoreCase: true))
        .Select(g => new HeatmapGroup(new ReportCell(g.Key.Name, groupHref(g.First())), g.Select(s => s.Id).ToList()))
        .ToList();

    /// <summary>Every school a row of its own.</summary>
    public static IReadOnlyList<HeatmapGroup> Schools(IEnumerable<SchoolInfo> schools, Func<SchoolInfo, string> href) =>
        schools.Select(s => new HeatmapGroup(new ReportCell(s.Name, href(s)), [s.Id])).ToList();
}
