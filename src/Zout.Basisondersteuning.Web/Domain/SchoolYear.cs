namespace Zout.Basisondersteuning.Web.Domain;

/// <summary>A school year such as 2026-2027, running from 1 August to 31 July.</summary>
public class SchoolYear : AuditableEntity
{
    public const int NameLength = 9;

    public int StartYear { get; set; }
    public string Name { get; set; } = "";

    public static string NameFor(int startYear) => $"{startYear}-{startYear + 1}";

    public static SchoolYear For(int startYear) => new() { StartYear = startYear, Name = NameFor(startYear) };

    /// <summary>The start year of the school year a date falls in (a school year starts on 1 August).</summary>
    public static int StartYearOf(DateOnly date) => date.Month >= 8 ? date.Year : date.Year - 1;

    public static bool TryParseName(string? name, out int startYear)
    {
        startYear = 0;
        if (name is not { Length: NameLength } || name[4] != '-') return false;
        return int.TryParse(name.AsSpan(0, 4), out startYear)
               && int.TryParse(name.AsSpan(5, 4), out var end)
               && end == startYear + 1;
    }
}
