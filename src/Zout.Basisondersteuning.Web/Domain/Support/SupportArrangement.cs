namespace Zout.Basisondersteuning.Web.Domain.Support;

/// <summary>How an arrangement is given (seed 004, chapter 2). The numbers are stored.</summary>
public enum ArrangementForm
{
    /// <summary>Individueel arrangement: fitted to one pupil.</summary>
    Individual = 1,

    /// <summary>Groepsarrangement: developed by the partnership, run at a regular school, a pupil is admitted to it.</summary>
    Group = 2,

    /// <summary>Geclusterd arrangement: a school groups pupils who need the same support, with the partnership.</summary>
    Clustered = 3,
}

public enum ArrangementRelation
{
    /// <summary>Vervangend: instead of the pupil's own class for part of the week.</summary>
    Replacing = 1,

    /// <summary>Aanvullend: in addition to the pupil's own class.</summary>
    Additional = 2,
}

/// <summary>How long an arrangement is offered: several may apply ("short, medium of long", seed 004). Stored as the sum.</summary>
[Flags]
public enum ArrangementDurations
{
    None = 0,

    /// <summary>Short: half a year.</summary>
    ShortTerm = 1,

    /// <summary>Medium: one year.</summary>
    MediumTerm = 2,

    /// <summary>Long: two years.</summary>
    LongTerm = 4,
}

/// <summary>Whether parents and schools can use an arrangement yet ("beschikbare of in ontwikkeling zijnde groepsarrangementen").</summary>
public enum ArrangementStatus
{
    Available = 1,
    InDevelopment = 2,
}

/// <summary>One arrangement of the partnership's own extra support offering in a school year.</summary>
public class SupportArrangement : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ShortTextMaxLength = 1000;
    public const int LocationMaxLength = 300;
    public const int MaxPlaces = 10_000;

    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;

    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Voor wie: the pupils it is meant for.</summary>
    public string? TargetGroup { get; set; }

    public ArrangementForm Form { get; set; }
    public ArrangementRelation Relation { get; set; }
    public ArrangementDurations Durations { get; set; }
    public ArrangementStatus Status { get; set; } = ArrangementStatus.Available;

    /// <summary>The regular school that hosts it (a group arrangement runs "door en op een reguliere basisschool").</summary>
    public int? HostSchoolId { get; set; }
    public School? HostSchool { get; set; }

    /// <summary>Where it runs when that is not (only) a school of the partnership: an address, "op de eigen school".</summary>
    public string? Location { get; set; }

    /// <summary>Regions (eenheden) where it is available; empty means everywhere.</summary>
    public List<Region> Regions { get; set; } = [];

    /// <summary>Places (capacity); null when the partnership does not say.</summary>
    public int? Places { get; set; }

    /// <summary>Aanmelden: how a school applies.</summary>
    public string? HowToApply { get; set; }

    /// <summary>Whom to ask: name, phone, e-mail.</summary>
    public string? Contact { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The same arrangement for another school year, as a new record (its regions are shared, not copied).</summary>
    public SupportArrangement CopyTo(SchoolYear year) => new()
    {
        SchoolYear = year,
        Name = Name,
        Description = Description,
        TargetGroup = TargetGroup,
        Form = Form,
        Relation = Relation,
        Durations = Durations,
        Status = Status,
        HostSchoolId = HostSchoolId,
        Location = Location,
        Regions = [.. Regions],
        Places = Places,
        HowToApply = HowToApply,
        Contact = Contact,
        SortOrder = SortOrder,
    };
}

/// <summary>
/// The partnership's own texts for one school year: the framing at the start of every SOP, the introduction to
/// extra support, the four phases of the support route (title and text each) and "volgen, evalueren en bijstellen".
/// Empty titles and an empty framing read as the defaults (<see cref="SupportDefaults"/>).
/// </summary>
public class SupportOffering : AuditableEntity
{
    public const int TextMaxLength = 4000;
    public const int TitleMaxLength = 200;

    public int SchoolYearId { get; set; }
    public SchoolYear SchoolYear { get; set; } = null!;

    /// <summary>What every SOP of the year says first about what an SOP is (and is not).</summary>
    public string? SopFraming { get; set; }

    public string? Introduction { get; set; }
    public string? Phase1Title { get; set; }
    public string? Phase1 { get; set; }
    public string? Phase2Title { get; set; }
    public string? Phase2 { get; set; }
    public string? Phase3Title { get; set; }
    public string? Phase3 { get; set; }
    public string? Phase4Title { get; set; }
    public string? Phase4 { get; set; }
    public string? FollowUpTitle { get; set; }
    public string? FollowUp { get; set; }

    /// <summary>The same texts for another school year, as a new record.</summary>
    public SupportOffering CopyTo(SchoolYear year) => new()
    {
        SchoolYear = year,
        SopFraming = SopFraming,
        Introduction = Introduction,
        Phase1Title = Phase1Title,
        Phase1 = Phase1,
        Phase2Title = Phase2Title,
        Phase2 = Phase2,
        Phase3Title = Phase3Title,
        Phase3 = Phase3,
        Phase4Title = Phase4Title,
        Phase4 = Phase4,
        FollowUpTitle = FollowUpTitle,
        FollowUp = FollowUp,
    };

    /// <summary>The four phases as (title, text), titles defaulted.</summary>
    public IReadOnlyList<(string Title, string? Text)> Phases() =>
    [
        (Phase1Title ?? SupportDefaults.PhaseTitles[0], Phase1),
        (Phase2Title ?? SupportDefaults.PhaseTitles[1], Phase2),
        (Phase3Title ?? SupportDefaults.PhaseTitles[2], Phase3),
        (Phase4Title ?? SupportDefaults.PhaseTitles[3], Phase4),
    ];

    public string FollowUpTitleOrDefault => FollowUpTitle ?? SupportDefaults.FollowUpTitle;

    public string SopFramingOrDefault => SopFraming ?? SupportDefaults.SopFraming;
}
