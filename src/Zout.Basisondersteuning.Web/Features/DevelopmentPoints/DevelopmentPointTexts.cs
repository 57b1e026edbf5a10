using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>How an ontwikkelpunt reads: names from the year's framework, levels, dates.</summary>
public static class DevelopmentPointTexts
{
    /// <summary>"2 – In ontwikkeling".</summary>
    public static string Level(FrameworkDefinition framework, int? level)
    {
        if (level is null) return "Geen niveau";
        var label = framework.LevelOf(level)?.Label;
        return string.IsNullOrEmpty(label) ? level.Value.ToString(PortalSetup.Dutch) : $"{level} – {label}";
    }

    /// <summary>"van 2 naar 3", "naar 3", "van 2", or a dash: the A and B of the point.</summary>
    public static string Range(int? current, int? target) => (current, target) switch
    {
        (null, null) => "–",
        (null, { } to) => $"naar {to}",
        ({ } from, null) => $"van {from}",
        ({ } from, { } to) => $"van {from} naar {to}",
    };

    /// <summary>The title a new point gets: "Rekenen – Expertise: van 2 naar 3".</summary>
    public static string SuggestedTitle(string domainName, string aspectName, int? current, int? target) =>
        current is null && target is null
            ? $"{domainName} – {aspectName}"
            : $"{domainName} – {aspectName}: {Range(current, target)}";

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", PortalSetup.Dutch) ?? "–";

    public static string Value(string? text) => string.IsNullOrWhiteSpace(text) ? "(leeg)" : text;
}
