namespace Zout.Basisondersteuning.Web.Domain;

/// <summary>A school year such as 2026-2027, running from 1 August to 31 July.</summary>
public class SchoolYear : AuditableEntity
{
    public const int NameLength = 9;

    public int StartYear { get; set; }
    public string Name { get; set; } = "";

    /// <summary>First day schools can fill in the scan. From then on the framework is fixed.</summary>
    public DateOnly? ScanOpensOn { get; set; }

    /// <summary>Last day schools can fill in the scan.</summary>
    public DateOnly? ScanClosesOn { get; set; }

    /// <summary>A closed year is history: nothing in it changes any more.</summary>
    public bool IsClosed { get; set; }

    public bool IsScanWindowOpen(DateOnly today) =>
        !IsClosed && ScanOpensOn is { } opens && today >= opens && (ScanClosesOn is not { } closes || today <= closes);

    /// <summary>The framework may be edited until the scan window opens.</summary>
    public bool IsFrameworkEditable(DateOnly today) => !IsClosed && (ScanOpensOn is not { } opens || today < opens);

    /// <summary>A detached copy with the same values, for a cache that hands out years callers may change.</summary>
    public SchoolYear Copy() => (SchoolYear)MemberwiseClone();

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
