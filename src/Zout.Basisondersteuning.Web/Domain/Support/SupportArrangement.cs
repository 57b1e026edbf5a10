namespace Zout.Basisondersteuning.Web.Domain.Support;

public enum ArrangementForm
{
    /// <summary>Individueel arrangement.</summary>
    Individual = 1,

    /// <summary>Groepsarrangement, hosted at a regular school.</summary>
    Group = 2,
}

public enum ArrangementRelation
{
    /// <summary>Vervangend: instead of the pupil's own class for part of the week.</summary>
    Replacing = 1,

    /// <summary>Aanvullend: in addition to the pupil's own class.</summary>
    Additional = 2,
}

public enum ArrangementDuration
{
    /// <summary>Kort: about half a year.</summary>
    ShortTerm = 1,

    /// <summary>Middellang: about a year.</summary>
    MediumTerm = 2,

    /// <summary>Lang: about two years.</summary>
    LongTerm = 3,
}

/// <summary>One arrangement of the partnership's own extra support offering in a school year.</summary>
public class SupportArrangement : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;

    public string Name { get; set; } = "";
    public ArrangementForm Form { get; set; }
    public ArrangementRelation Relation { get; set; }
    public ArrangementDuration Duration { get; set; }
    public string? Description { get; set; }

    /// <summary>The regular school that hosts a group arrangement.</summary>
    public int? HostSchoolId { get; set; }
    public School? HostSchool { get; set; }

    /// <summary>Regions where it is available; empty means everywhere.</summary>
    public List<Region> Regions { get; set; } = [];

    public int SortOrder { get; set; }
}

/// <summary>The partnership's texts about extra support for one school year: the intro for the SOP and the four phases of the route.</summary>
public class SupportOffering : AuditableEntity
{
    public const int TextMaxLength = 4000;

    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;

    public string? Introduction { get; set; }
    public string? Phase1 { get; set; }
    public string? Phase2 { get; set; }
    public string? Phase3 { get; set; }
    public string? Phase4 { get; set; }
}

public static class SupportTexts
{
    public static string ToDutch(this ArrangementForm form) => form switch
    {
        ArrangementForm.Individual => "Individueel arrangement",
        ArrangementForm.Group => "Groepsarrangement",
        _ => form.ToString(),
    };

    public static string ToDutch(this ArrangementRelation relation) => relation switch
    {
        ArrangementRelation.Replacing => "Vervangend (in plaats van een deel van de eigen groep)",
        ArrangementRelation.Additional => "Aanvullend (naast de eigen groep)",
        _ => relation.ToString(),
    };

    public static string ToDutch(this ArrangementDuration duration) => duration switch
    {
        ArrangementDuration.ShortTerm => "Kort (ongeveer een half jaar)",
        ArrangementDuration.MediumTerm => "Middellang (ongeveer een jaar)",
        ArrangementDuration.LongTerm => "Lang (ongeveer twee jaar)",
        _ => duration.ToString(),
    };

    /// <summary>The four phases of the support route, as titles; the partnership writes the text of each.</summary>
    public static IReadOnlyList<string> PhaseTitles { get; } =
    [
        "Fase 1: basisondersteuning door de school",
        "Fase 2: de vraag verkennen met het samenwerkingsverband",
        "Fase 3: extra ondersteuningsbehoefte en ontwikkelingsperspectief (OPP) met de ouders",
        "Fase 4: een arrangement of een toelaatbaarheidsverklaring (TLV) voor het speciaal onderwijs",
    ];
}
