namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// The framework a partnership starts with when it has none yet: the common Dutch set of domains, aspects,
/// a 4-point scale, agreements and an offering catalogue. Partnerships adapt it to their own agreements.
/// The keys are stable: answers carry over by key, so never rename one here.
/// </summary>
public static class DefaultFramework
{
    public const string DaysPerWeek = "dagdelen per week";

    public static FrameworkDefinition Create() => new()
    {
        FormatVersion = FrameworkDefinition.CurrentFormatVersion,
        Name = "Kader basisondersteuning",
        Levels =
        [
            new() { Value = 1, Label = "Niet aanwezig", Description = "Dit is er op onze school (nog) niet." },
            new() { Value = 2, Label = "In ontwikkeling", Description = "We werken eraan, maar het is nog niet in alle groepen en bij het hele team zichtbaar." },
            new() { Value = 3, Label = "Op orde", Description = "Dit is op orde: het team werkt zoals afgesproken en het werkt voor de leerlingen." },
            new() { Value = 4, Label = "Sterk en geborgd, kan anderen ondersteunen", Description = "Dit is sterk, vast verankerd in onze kwaliteitszorg en we kunnen andere scholen ermee helpen." },
        ],
        Aspects =
        [
            Aspect("expertise", "Expertise", "De kennis en vaardigheden in het team.",
                "Het team heeft geen specifieke kennis of vaardigheden op dit domein.",
                "Enkele teamleden hebben kennis of volgen scholing; het team past die nog niet overal toe.",
                "Het team heeft voldoende kennis en vaardigheden, past die toe in de groep en weet wie wat kan.",
                "Er is specialistische expertise in het team die structureel wordt ingezet en gedeeld, ook met andere scholen."),
            Aspect("aanbod", "Aanbod", "De methoden, programma's en interventies die de school inzet.",
                "Er is geen passend aanbod voor dit domein.",
                "Er is een aanbod, maar het wordt nog niet planmatig of niet in alle groepen ingezet.",
                "Er is een passend aanbod dat planmatig en in alle groepen wordt ingezet, afgestemd op de onderwijsbehoeften.",
                "Het aanbod is breed en bewezen effectief, wordt geregeld geëvalueerd en bijgesteld en is een voorbeeld voor andere scholen."),
            Aspect("facilitair", "Facilitair", "Tijd, mensen, ruimtes en materialen.",
                "Er is geen tijd, geen mens, geen ruimte en geen materiaal voor vrijgemaakt.",
                "Er zijn enige voorzieningen, maar ze zijn onvoldoende of niet structureel beschikbaar.",
                "Tijd, mensen, ruimte en materialen zijn voldoende en structureel beschikbaar.",
                "De voorzieningen zijn ruim en goed georganiseerd en kunnen ook door andere scholen worden benut."),
            Aspect("beleid", "Beleid", "Beleid, protocollen en afspraken die zijn vastgelegd.",
                "Er is geen beleid of protocol vastgelegd.",
                "Beleid of protocol is in voorbereiding of nog niet bij het hele team bekend.",
                "Beleid en protocollen zijn vastgelegd, bekend bij het team en worden nageleefd.",
                "Het beleid wordt periodiek bijgewerkt en met ouders en partners gedeeld; andere scholen gebruiken het als voorbeeld."),
            Aspect("borging", "Borging", "Verankerd in de kwaliteitscyclus: geëvalueerd en blijvend.",
                "Er is geen borging: wat er is, hangt af van personen.",
                "Er zijn eerste afspraken over evalueren, maar dat gebeurt nog niet cyclisch.",
                "Het wordt jaarlijks geëvalueerd in de kwaliteitscyclus en waar nodig bijgesteld.",
                "Het is duurzaam geborgd in de kwaliteitszorg, ook bij wisselingen in het team, en de school deelt haar aanpak."),
        ],
        Domains =
        [
            Domain("basiskwaliteit", "Basiskwaliteit",
                "De kwaliteit van het onderwijs zoals de inspectie die verwacht: didactisch handelen, zicht op ontwikkeling, een veilig pedagogisch klimaat.",
                "Effectieve instructie, bijvoorbeeld volgens het directe instructiemodel",
                "Een veilig en positief pedagogisch klimaat in alle groepen",
                "Een leerlingvolgsysteem waarvan de resultaten twee keer per jaar worden geanalyseerd"),
            Domain("ondersteuningsstructuur", "Ondersteuningsstructuur",
                "Hoe de ondersteuning op school is georganiseerd: taken en rollen, overleggen en de route naar extra ondersteuning.",
                "Een intern begeleider met voldoende tijd voor de taak",
                "Groeps- en leerlingbesprekingen volgens een vaste jaarplanning",
                "Een ondersteuningsteam met de contactpersoon van het samenwerkingsverband"),
            Domain("handelingsgericht-werken", "Handelingsgericht werken",
                "Planmatig en cyclisch werken, met de onderwijsbehoeften van leerlingen centraal en ouders als partner.",
                "Groepsoverzichten en groepsplannen, en een ontwikkelingsperspectief waar dat nodig is",
                "Onderwijsbehoeften staan centraal in de leerlingbespreking",
                "Ouders worden als ervaringsdeskundigen betrokken bij de aanpak"),
            Domain("taal-lezen", "Taal en lezen (inclusief dyslexie)",
                "Ondersteuning bij taal, lezen en spelling, inclusief het signaleren en begeleiden van dyslexie.",
                "Een protocol leesproblemen en dyslexie",
                "Extra leestijd en een leesinterventie voor zwakke lezers",
                "Compenserende en dispenserende middelen, zoals voorleessoftware"),
            Domain("rekenen", "Rekenen (inclusief dyscalculie)",
                "Ondersteuning bij rekenen en wiskunde, inclusief het signaleren en begeleiden van ernstige rekenproblemen en dyscalculie.",
                "Een protocol ernstige reken-wiskundeproblemen en dyscalculie",
                "Verlengde instructie met concreet materiaal",
                "Compenserende middelen, zoals een tafelkaart of rekenmachine"),
            Domain("meer-hoogbegaafdheid", "Meer- en hoogbegaafdheid",
                "Het signaleren van leerlingen die meer aankunnen en een passend aanbod voor hen.",
                "Een signaleringsinstrument voor (hoog)begaafdheid",
                "Compacten en verrijken van de leerstof",
                "Een plusgroep of verrijkingsklas"),
            Domain("sociaal-emotioneel-gedrag", "Sociaal-emotionele ontwikkeling en gedrag",
                "Een veilige school, het volgen van de sociaal-emotionele ontwikkeling en ondersteuning bij gedrag.",
                "Een methode voor sociaal-emotioneel leren in alle groepen",
                "Een gedragsprotocol en een anti-pestprotocol",
                "Een individuele aanpak van gedrag, samen met ouders"),
            Domain("fysiek-medisch", "Fysiek-medische ondersteuning",
                "Ondersteuning van leerlingen met een lichamelijke beperking, een chronische ziekte of medische zorg.",
                "Een protocol medisch handelen en het verstrekken van medicijnen",
                "Aanpassingen in het gebouw en aangepast meubilair",
                "Samenwerking met fysiotherapie of ergotherapie"),
            Domain("jonge-kind", "Jonge kind",
                "Ontwikkelingsgericht onderwijs aan kleuters, vroeg signaleren en een doorgaande lijn met voorschool en kinderopvang.",
                "Een warme overdracht met voorschool en kinderopvang",
                "Een observatie-instrument voor jonge kinderen",
                "Een rijke speelleeromgeving met spelbegeleiding"),
            Domain("samenwerking-ouders-ketenpartners", "Samenwerking met ouders en ketenpartners",
                "Ouders als partner, en samenwerking met jeugdgezondheidszorg, leerplicht, buurtteam en het samenwerkingsverband.",
                "Een vaste jeugdverpleegkundige of jeugdarts van de JGZ",
                "Afspraken met leerplicht over verzuim",
                "Het buurtteam sluit aan bij het ondersteuningsteam"),
        ],
        ChangeCapacity =
        [
            new() { Key = "gedeelde-visie", Text = "Het team deelt een visie op ondersteuning en handelt daarnaar." },
            new() { Key = "leiderschap", Text = "De schoolleiding geeft richting aan ontwikkeling en geeft het team daarvoor ruimte." },
            new() { Key = "professionele-cultuur", Text = "Teamleden leren van en met elkaar en spreken elkaar aan op afspraken." },
            new() { Key = "ervaring-met-verandering", Text = "Het team heeft goede ervaringen met het invoeren en volhouden van veranderingen." },
            new() { Key = "tijd-en-middelen", Text = "Er zijn voldoende tijd en middelen om te ontwikkelen." },
        ],
        Agreements =
        [
            Agreement(1, "planmatig-cyclisch", HandelingsgerichtWerken, "Ons team werkt planmatig en cyclisch aan de leer- en ontwikkeldoelen."),
            Agreement(2, "onderwijsbehoeften-centraal", HandelingsgerichtWerken, "Ons team stemt het onderwijs af op de onderwijsbehoeften van de leerlingen."),
            Agreement(3, "ouders-als-partner", HandelingsgerichtWerken, "Ons team betrekt ouders als partner bij de ondersteuning van hun kind."),
            Agreement(4, "doelen-evalueren", HandelingsgerichtWerken, "Ons team evalueert doelen en aanpak en stelt die tijdig bij."),
            Agreement(5, "intern-begeleider", "Ondersteuningsstructuur", "De school heeft een intern begeleider met voldoende tijd voor de taak."),
            Agreement(6, "ondersteuningsteam", "Ondersteuningsstructuur", "De school heeft een ondersteuningsteam dat geregeld overlegt, met de contactpersoon van het samenwerkingsverband."),
            Agreement(7, "schoolondersteuningsprofiel", "Ondersteuningsstructuur", "De school werkt haar schoolondersteuningsprofiel jaarlijks bij en bespreekt het met de medezeggenschapsraad."),
            Agreement(8, "protocol-dyslexie", "Taal en lezen", "De school heeft een protocol dyslexie en ons team handelt hiernaar."),
            Agreement(9, "protocol-dyscalculie", "Rekenen", "De school heeft een protocol dyscalculie en ons team handelt hiernaar."),
            Agreement(10, "aanbod-meer-hoogbegaafd", "Meer- en hoogbegaafdheid", "De school signaleert meer- en hoogbegaafde leerlingen en biedt hun een passend aanbod."),
            Agreement(11, "sociale-veiligheid", "Sociale veiligheid en gedrag", "De school heeft een veiligheidsplan met een anti-pestprotocol en volgt de sociale veiligheid jaarlijks."),
            Agreement(12, "gedragsaanpak", "Sociale veiligheid en gedrag", "Ons team heeft een gezamenlijke aanpak van gedrag die in alle groepen zichtbaar is."),
            Agreement(13, "protocol-medisch-handelen", "Fysiek-medische ondersteuning", "De school heeft een protocol medisch handelen en ons team handelt hiernaar."),
            Agreement(14, "warme-overdracht", "Jonge kind", "De school zorgt voor een warme overdracht met voorschool en kinderopvang."),
            Agreement(15, "samenwerking-ketenpartners", "Samenwerking", "De school werkt volgens vaste afspraken samen met jeugdgezondheidszorg, leerplicht en buurtteam."),
        ],
        OfferingGroups =
        [
            new()
            {
                Key = "expertise", Name = "Expertise in het team", Kind = OfferingKind.Expertise,
                Items =
                [
                    Specialist("dyslexiespecialist", "Dyslexiespecialist"),
                    Specialist("gedragsspecialist", "Gedragsspecialist"),
                    Specialist("rekenspecialist", "Rekenspecialist"),
                    Specialist("specialist-hoogbegaafdheid", "Specialist hoogbegaafdheid"),
                    Specialist("jonge-kindspecialist", "Jonge-kindspecialist"),
                    Specialist("orthopedagoog", "Orthopedagoog"),
                    Specialist("taalspecialist-nt2", "Taalspecialist Nederlands als tweede taal"),
                    Specialist("specialist-motoriek", "Specialist motoriek en bewegingsonderwijs"),
                ],
            },
            new()
            {
                Key = "interventies", Name = "Interventies en programma's", Kind = OfferingKind.Intervention,
                Items =
                [
                    new() { Key = "leesinterventie", Name = "Leesinterventie voor zwakke lezers", AsksNote = true },
                    new() { Key = "rekeninterventie", Name = "Rekeninterventie", AsksNote = true },
                    new() { Key = "plusgroep", Name = "Plusgroep of verrijkingsklas", AsksNote = true },
                    new() { Key = "sociale-vaardigheidstraining", Name = "Sociale-vaardigheidstraining", AsksNote = true },
                    new() { Key = "faalangsttraining", Name = "Faalangstreductietraining" },
                    new() { Key = "executieve-functies", Name = "Programma executieve functies", AsksNote = true },
                    new() { Key = "taalklas-nieuwkomers", Name = "Taalklas voor nieuwkomers" },
                    new() { Key = "motorische-remedial-teaching", Name = "Motorische remedial teaching" },
                ],
            },
            new()
            {
                Key = "voorzieningen", Name = "Voorzieningen in het gebouw", Kind = OfferingKind.Facility,
                Items =
                [
                    new() { Key = "lift", Name = "Lift" },
                    new() { Key = "invalidentoilet-verzorgingsruimte", Name = "Invalidentoilet of verzorgingsruimte" },
                    new() { Key = "prikkelarme-ruimte", Name = "Prikkelarme ruimte", AsksNote = true },
                    new() { Key = "rolstoeltoegankelijk", Name = "Rolstoeltoegankelijk gebouw" },
                    new() { Key = "aangepast-meubilair", Name = "Aangepast meubilair", AsksNote = true },
                    new() { Key = "ruimte-individuele-begeleiding", Name = "Ruimte voor individuele begeleiding" },
                ],
            },
            new()
            {
                Key = "partners", Name = "Samenwerkingspartners", Kind = OfferingKind.Partner,
                Items =
                [
                    new() { Key = "jgz", Name = "Jeugdgezondheidszorg (JGZ)" },
                    new() { Key = "leerplicht", Name = "Leerplichtambtenaar" },
                    new() { Key = "buurtteam", Name = "Buurtteam of wijkteam", AsksNote = true },
                    new() { Key = "schoolmaatschappelijk-werk", Name = "Schoolmaatschappelijk werk" },
                    new() { Key = "logopedie", Name = "Logopedie", AsksNote = true },
                    new() { Key = "fysiotherapie", Name = "Kinderfysiotherapie", AsksNote = true },
                    new() { Key = "voorschool-kinderopvang", Name = "Voorschool en kinderopvang", AsksNote = true },
                    new() { Key = "jeugdhulp", Name = "Jeugdhulp en jeugd-ggz", AsksNote = true },
                ],
            },
        ],
        OpenQuestions =
        [
            new()
            {
                Key = "visie", Title = "Visie op ondersteuning",
                Help = "Wat vindt de school belangrijk in de ondersteuning van leerlingen, en hoe ziet u dat terug in de klas?",
            },
            new()
            {
                Key = "ondersteuningsstructuur", Title = "Ondersteuningsstructuur",
                Help = "Hoe is de ondersteuning georganiseerd: wie doet wat, welke overleggen zijn er en hoe verloopt de route naar extra ondersteuning?",
            },
            new()
            {
                Key = "grenzen", Title = "Grenzen aan de ondersteuning",
                Help = "Wat kan de school niet bieden, en waarom? Beschrijf het zo dat ouders het begrijpen.",
            },
            new()
            {
                Key = "ambities", Title = "Ambities",
                Help = "Waarin wil de school de komende jaren groeien in de ondersteuning?",
            },
        ],
        FinanceCategories =
        [
            new() { Key = "intern-begeleider", Name = "Intern begeleider" },
            new() { Key = "onderwijsassistent", Name = "Onderwijsassistent" },
            new() { Key = "scholing", Name = "Scholing" },
            new() { Key = "materialen", Name = "Materialen" },
            new() { Key = "externe-expertise", Name = "Externe expertise" },
            new() { Key = "overig", Name = "Overig" },
        ],
        AmountPerPupil = 140m,
        KeyFigures =
        [
            new() { Key = "leerlingen-met-arrangement", Name = "Aantal leerlingen met een arrangement", Unit = "leerlingen" },
            new() { Key = "leerlingen-met-opp", Name = "Aantal leerlingen met een ontwikkelingsperspectiefplan (OPP)", Unit = "leerlingen" },
            new() { Key = "thuiszitters", Name = "Aantal thuiszitters", Unit = "leerlingen" },
            new() { Key = "verwijzingen-sbo-so", Name = "Aantal verwijzingen naar speciaal (basis)onderwijs", Unit = "leerlingen" },
        ],
        Rules = new ExplanationRules(),
    };

    private const string HandelingsgerichtWerken = "Handelingsgericht werken";

    private static AspectDefinition Aspect(string key, string name, string description, params string[] levels) => new()
    {
        Key = key,
        Name = name,
        Description = description,
        LevelDescriptions = levels.Select((text, i) => new LevelDescription { Level = i + 1, Text = text }).ToList(),
    };

    private static DomainDefinition Domain(string key, string name, string description, params string[] examples) =>
        new() { Key = key, Name = name, Description = description, Examples = [.. examples] };

    /// <summary>Statements about handelingsgericht werken are in the SOP for information only, without the score.</summary>
    private static AgreementDefinition Agreement(int number, string key, string category, string text) => new()
    {
        Number = number,
        Key = key,
        Text = text,
        Category = category,
        ShowScoreInSop = category != HandelingsgerichtWerken,
    };

    private static OfferingItemDefinition Specialist(string key, string name) => new() { Key = key, Name = name, QuantityUnit = DaysPerWeek };
}
