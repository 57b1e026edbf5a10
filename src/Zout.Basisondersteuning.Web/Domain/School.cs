using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Domain;

/// <summary>A school location (vestiging): BRIN plus two digits, e.g. 12AB00.</summary>
public class School : AuditableEntity
{
    public const int LocationCodeLength = 6;
    public const int BrinLength = 4;
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 100;
    public const int WebsiteMaxLength = 300;
    public const int InspectionReportUrlMaxLength = 500;

    public required string LocationCode { get; set; }
    public required string Brin { get; set; }
    public required string Name { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Municipality { get; set; }
    public string? Denomination { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public int? PupilCount { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Basiskwaliteit: the inspection's most recent judgement, as the school or the admin filled it in.</summary>
    public InspectionJudgement? InspectionJudgement { get; set; }

    /// <summary>The date of that judgement (of the inspection's report).</summary>
    public DateOnly? InspectionDate { get; set; }

    /// <summary>Where parents read the inspection's report (onderwijsinspectie.nl), when given.</summary>
    public string? InspectionReportUrl { get; set; }

    public int BoardId { get; set; }
    public Board Board { get; set; } = null!;

    public int? RegionId { get; set; }
    public Region? Region { get; set; }

    /// <summary>The fixed contact person of the partnership for this school (a consultant).</summary>
    public string? ContactPersonId { get; set; }
    public AppUser? ContactPerson { get; set; }

    public string Address => string.Join(" ", new[] { Street, HouseNumber }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>A valid location code is four BRIN characters followed by two digits.</summary>
    public static bool IsValidLocationCode(string? code) =>
        code is { Length: LocationCodeLength }
        && code[..BrinLength].All(char.IsAsciiLetterOrDigit)
        && code[BrinLength..].All(char.IsAsciiDigit);

    public static string NormalizeLocationCode(string code) => code.Trim().ToUpperInvariant();
}
