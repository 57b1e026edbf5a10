using System.Globalization;
using System.Text;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Domain.Dashboards;

/// <summary>
/// The dashboards' read model of one scan: its status and what the dashboards need of its answers,
/// in a compact form. Rebuilt whenever the scan or one of its answers or sections is saved
/// (see docs/decisions/030-dashboard-aggregates.md). Keys are framework slugs (a-z, 0-9, '-').
/// </summary>
public class ScanSummary
{
    public const int LevelsMaxLength = 4000;
    public const int OfferingMaxLength = 4000;
    public const int FinancesMaxLength = 2000;
    public const int ScoresMaxLength = 4000;
    public const int KeyFiguresMaxLength = 2000;

    /// <summary>
    /// The shape of the compact fields this code writes. A row with a lower version was written before a field
    /// existed (version 1: levels, offering and finances only) and is rebuilt from its answers by the first
    /// dashboard request of a process, like a missing row.
    /// </summary>
    public const int CurrentFormat = 2;

    public int ScanId { get; set; }
    public int SchoolId { get; set; }
    public int SchoolYearId { get; set; }
    public ScanStatus Status { get; set; }

    /// <summary>Raised on every rebuild (the highest stamp plus one): readers fetch what changed since their last stamp.</summary>
    public long Stamp { get; set; }

    /// <summary>"domain:aspect=level;..." for every cell with a level.</summary>
    public string Levels { get; set; } = "";

    /// <summary>"item;item;..." for every offering item the school ticked.</summary>
    public string Offering { get; set; } = "";

    /// <summary>"category=amount;..." for every finance category with an amount (invariant culture).</summary>
    public string Finances { get; set; } = "";

    /// <summary>"agreement=level;..." for every agreement (afspraak) with a score.</summary>
    public string Agreements { get; set; } = "";

    /// <summary>"statement=level;..." for every verandercapaciteit statement with a level.</summary>
    public string ChangeCapacity { get; set; } = "";

    /// <summary>"figure=number;..." for every key figure the school filled in (invariant culture); an empty one is absent, never 0.</summary>
    public string KeyFigures { get; set; } = "";

    /// <summary>The <see cref="CurrentFormat"/> this row was written with.</summary>
    public int Format { get; set; }

    /// <summary>Builds the compact fields from a scan's answers.</summary>
    public static ScanSummary From(int scanId, int schoolId, int schoolYearId, ScanStatus status, IEnumerable<ScanAnswer> answers)
    {
        var levels = new StringBuilder();
        var offering = new StringBuilder();
        var finances = new StringBuilder();
        var agreements = new StringBuilder();
        var changeCapacity = new StringBuilder();
        var keyFigures = new StringBuilder();
        foreach (var answer in answers.OrderBy(a => a.ItemKey, StringComparer.Ordinal))
        {
            if (!ItemKey.TryParse(answer.ItemKey, out var key)) continue;
            if (key.IsCell && answer.Level is { } level)
            {
                Append(levels, $"{CellName(key.Key, key.Aspect!)}={level.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (key.Kind == SectionKind.Offering && answer.Checked)
            {
                Append(offering, key.Key);
            }
            else if (key.Kind == SectionKind.Finances && !key.IsFinanceEvaluation && answer.Number is { } amount)
            {
                Append(finances, $"{key.Key}={amount.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (key.Kind == SectionKind.Agreements && answer.Level is { } score)
            {
                Append(agreements, $"{key.Key}={score.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (key.Kind == SectionKind.ChangeCapacity && answer.Level is { } capacity)
            {
                Append(changeCapacity, $"{key.Key}={capacity.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (key.Kind == SectionKind.KeyFigures && answer.Number is { } figure)
            {
                Append(keyFigures, $"{key.Key}={figure.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return new ScanSummary
        {
            ScanId = scanId,
            SchoolId = schoolId,
            SchoolYearId = schoolYearId,
            Status = status,
            Levels = levels.ToString(),
            Offering = offering.ToString(),
            Finances = finances.ToString(),
            Agreements = agreements.ToString(),
            ChangeCapacity = changeCapacity.ToString(),
            KeyFigures = keyFigures.ToString(),
            Format = CurrentFormat,
        };
    }

    /// <summary>How <see cref="Levels"/> names a cell: "domain:aspect".</summary>
    public static string CellName(string domainKey, string aspectKey) => $"{domainKey}:{aspectKey}";

    /// <summary>The domain and the aspect of a cell named by <see cref="CellName"/>.</summary>
    public static bool TrySplitCellName(string name, out string domainKey, out string aspectKey)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        domainKey = colon > 0 ? name[..colon] : "";
        aspectKey = colon > 0 ? name[(colon + 1)..] : "";
        return colon > 0;
    }

    private static void Append(StringBuilder builder, string part)
    {
        if (builder.Length > 0) builder.Append(';');
        builder.Append(part);
    }

    /// <summary>"key=level;..." (cells, agreements, verandercapaciteit) as a dictionary.</summary>
    public static Dictionary<string, int> ParseLevels(string levels)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in levels.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.LastIndexOf('=');
            if (eq > 0 && int.TryParse(part.AsSpan(eq + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level)) result[part[..eq]] = level;
        }

        return result;
    }

    public static HashSet<string> ParseOffering(string offering) =>
        offering.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>"key=number;..." (finances, key figures) as a dictionary.</summary>
    public static Dictionary<string, decimal> ParseNumbers(string numbers)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var part in numbers.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.LastIndexOf('=');
            if (eq > 0 && decimal.TryParse(part.AsSpan(eq + 1), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)) result[part[..eq]] = amount;
        }

        return result;
    }
}
