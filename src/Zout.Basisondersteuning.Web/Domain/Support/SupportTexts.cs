namespace Zout.Basisondersteuning.Web.Domain.Support;

/// <summary>The Dutch words for the kinds of arrangements: the one place for each of them (pages, documents, filters).</summary>
public static class SupportTexts
{
    /// <summary>The forms in the order the seed describes them: individual, clustered, group.</summary>
    public static IReadOnlyList<ArrangementForm> Forms { get; } = [ArrangementForm.Individual, ArrangementForm.Clustered, ArrangementForm.Group];

    public static IReadOnlyList<ArrangementDurations> EachDuration { get; } = [ArrangementDurations.ShortTerm, ArrangementDurations.MediumTerm, ArrangementDurations.LongTerm];

    public static string ToDutch(this ArrangementForm form) => form switch
    {
        ArrangementForm.Individual => "Individueel arrangement",
        ArrangementForm.Clustered => "Geclusterd arrangement",
        ArrangementForm.Group => "Groepsarrangement",
        _ => form.ToString(),
    };

    /// <summary>The form in the plural, as a heading or a filter choice: "Groepsarrangementen".</summary>
    public static string ToDutchPlural(this ArrangementForm form) => form switch
    {
        ArrangementForm.Individual => "Individuele arrangementen",
        ArrangementForm.Clustered => "Geclusterde arrangementen",
        ArrangementForm.Group => "Groepsarrangementen",
        _ => form.ToString(),
    };

    public static string ToDutch(this ArrangementRelation relation) => relation switch
    {
        ArrangementRelation.Replacing => "Vervangend (in plaats van een deel van de eigen groep)",
        ArrangementRelation.Additional => "Aanvullend (naast de eigen groep)",
        _ => relation.ToString(),
    };

    /// <summary>The word alone, for a table cell or a filter: "Vervangend".</summary>
    public static string ToDutchShort(this ArrangementRelation relation) => relation switch
    {
        ArrangementRelation.Replacing => "Vervangend",
        ArrangementRelation.Additional => "Aanvullend",
        _ => relation.ToString(),
    };

    /// <summary>One duration: "short (½ jaar)".</summary>
    public static string ToDutchOne(this ArrangementDurations duration) => duration switch
    {
        ArrangementDurations.ShortTerm => "short (½ jaar)",
        ArrangementDurations.MediumTerm => "medium (1 jaar)",
        ArrangementDurations.LongTerm => "long (2 jaar)",
        _ => duration.ToString(),
    };

    /// <summary>Every duration that applies, in order: "short (½ jaar) of medium (1 jaar)"; "in overleg" when none is given.</summary>
    public static string ToDutch(this ArrangementDurations durations)
    {
        var each = EachDuration.Where(d => durations.HasFlag(d)).Select(d => d.ToDutchOne()).ToList();
        return each.Count switch
        {
            0 => "in overleg",
            1 => each[0],
            _ => string.Join(", ", each.Take(each.Count - 1)) + " of " + each[^1],
        };
    }

    public static string ToDutch(this ArrangementStatus status) => status switch
    {
        ArrangementStatus.Available => "Beschikbaar",
        ArrangementStatus.InDevelopment => "In ontwikkeling",
        _ => status.ToString(),
    };
}

/// <summary>
/// The partnership texts a school year starts with when there is no earlier year to copy: the SOP framing from seed 002,
/// the route of seed 004 (its own headings and the text under each, word for word, typing included).
/// </summary>
public static class SupportDefaults
{
    /// <summary>Seed 002, "Op schoolniveau": what an SOP is, and that it is a snapshot, not a legal test.</summary>
    public const string SopFraming =
        "Het schoolondersteuningsprofiel is een wettelijk verplicht document, waarin ouders kunnen lezen welke ondersteuning er op de school mogelijk is.\n"
        + "Het schoolondersteuningsprofiel is een momentopname en de inhoud is voortdurend afhankelijk van veranderende (maatschappelijke) omstandigheden. "
        + "Het is nadrukkelijk geen juridische toetssteen, maar het geeft een indicatie van de ondersteuning die de school kan bieden.";

    /// <summary>Seed 004, the opening of "Ondersteuningsproces in de Meierij in 4 fasen".</summary>
    public const string Introduction =
        "Het ondersteunen van de leerling en leerkracht is het uitgangspunt bij de interventies vanuit het samenwerkingsverband. "
        + "Dit kan door middel van consultatie en advies, een voortraject/ kortdurende trajecten of een arrangement. "
        + "De ondersteuning van het kind en/of de leerkracht gaat voor op de afweging of er sprake is van basis- of extra ondersteuning. "
        + "Bij handelingsverlegenheid van de school en/of de leerkracht is er kennelijk iets nodig.";

    /// <summary>The seed's own headings of the four phases.</summary>
    public static IReadOnlyList<string> PhaseTitles { get; } =
    [
        "Fase 1: Basisondersteuning bieden",
        "Fase 2: Verkenning en afstemming ondersteuningsvraag",
        "Fase 3: Vaststellen van extra ondersteuningsbehoeften en opstellen ontwikkelingsperspectiefplan",
        "Fase 4: Arrangement extra ondersteuning of toelaatbaarheidsverklaring",
    ];

    /// <summary>The seed's text under each phase.</summary>
    public static IReadOnlyList<string> PhaseTexts { get; } =
    [
        "Dit is de professionele ondersteuning die de school zelf biedt. De school kan in deze fase wel al een beroep doen op het samenwerkingsverband of andere externen voor consultatie en advies.",
        "Als de school niet (meer) in staat is om de professionele ondersteuning zelf te bieden, wordt het samenwerkingsverband betrokken.",
        "De school bepaalt samen met de ouders (en eventueel het kind) en met de ondersteuner vanuit het samenwerkingsverband welke extra ondersteuning nodig is. "
        + "Hierbij wordt meteen (een aanzet voor) het ontwikkelingsperspectief (OPP) gemaakt. De school maakt het OPP in samenwerking met de ouders en de onderwijssteuner.\n"
        + "In de samenwerking gaat het vooral om transparantie, vertrouwen en heldere communicatie. In het gesprek met ouders wordt de optie 'plaatsing op een andere basisschool' "
        + "meegenomen, mocht de in het OPP genoemde extra ondersteuning de mogelijkheden van de school overstijgen.",
        "Een arrangement extra ondersteuning wordt binnen het basisonderwijs vormgegeven. Een arrangement is altijd een combinatie van basisondersteuning en extra ondersteuning "
        + "en wordt uitgevoerd onder regie van de school. De ontwikkeling wordt gevolgd door de school en het samenwerkingsverband in samenspraak met ouders (en leerling). "
        + "Aan het einde van de looptijd van een arrangement wordt bekeken wat de vervolgstap is: terug naar basisondersteuning, verlenging of een andere vorm van ondersteuning.\n"
        + "Een arrangement kan ook een groepsarrangement zijn of een Toelaatbaarheidsverklaring voor het Speciaal Onderwijs.",
    ];

    public const string FollowUpTitle = "Volgen, evalueren en bijstellen";

    /// <summary>The seed's three points under "Volgen, evalueren en bijstellen", one per line.</summary>
    public const string FollowUp =
        "Bij iedere vorm van ondersteuning is een medewerker vanuit het samenwerkingsverband betrokken. Deze persoon bewaakt de voortgang, zorgt voor terugkoppeling, "
        + "signaleert stagnaties en bespreekt dit zo nodig met school en ouders. Na een afgesproken periode wordt het arrangement met ouders en betrokken professionals "
        + "geëvalueerd en zo nodig bijgesteld.\n"
        + "Ondersteuning en arrangementen worden geboden voor zo lang als nodig en zijn in principe tijdelijk. Als de doelen van consultatie, advisering, begeleiden of "
        + "arrangeren zijn bereikt, kan de ondersteuning vanuit het samenwerkingsverband beëindigd worden.\n"
        + "Bij een aanvraag voor bijstelling of verlenging van een arrangement wordt een evaluatie van het voorgaande proces toegevoegd aan de nieuwe aanvraag. "
        + "In het kader van de kwaliteitszorg worden gegevens over de aanvragen en evaluaties gemonitord.";

    /// <summary>A year's texts as they start when there is nothing to copy: every text the default.</summary>
    public static SupportOffering NewOffering(SchoolYear year)
    {
        var offering = Texts();
        offering.SchoolYear = year;
        return offering;
    }

    /// <summary>The default texts, for a year that has none stored.</summary>
    public static SupportOffering Texts() => new()
    {
        SopFraming = SopFraming,
        Introduction = Introduction,
        Phase1Title = PhaseTitles[0],
        Phase1 = PhaseTexts[0],
        Phase2Title = PhaseTitles[1],
        Phase2 = PhaseTexts[1],
        Phase3Title = PhaseTitles[2],
        Phase3 = PhaseTexts[2],
        Phase4Title = PhaseTitles[3],
        Phase4 = PhaseTexts[3],
        FollowUpTitle = FollowUpTitle,
        FollowUp = FollowUp,
    };
}
