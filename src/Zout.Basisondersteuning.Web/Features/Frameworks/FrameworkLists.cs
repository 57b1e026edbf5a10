using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>The lists of a framework that the admin edits as rows, each with its fields.</summary>
public static class FrameworkLists
{
    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string? Flag(bool value) => value ? "true" : null;

    public static readonly ListEditor Levels = new ListEditor<LevelDefinition>
    {
        Slug = "niveaus",
        Title = "Niveaus",
        ItemLabel = "Niveau",
        Intro = "De schaal waarop scholen zichzelf scoren, van laag naar hoog, zonder gaten (zoals 1 tot en met 4). "
                + "Scores worden als waarde bewaard: geef een waarde geen andere betekenis als scholen er al mee gewerkt hebben. "
                + "Een niveau verwijderen kan pas als geen aspect of domein er nog een beschrijving voor heeft en de regel voor de toelichting er niet naar verwijst.",
        BlankRows = 2,
        NameField = "label",
        Items = f => f.Levels,
        PathOf = _ => "levels",
        SortKey = l => l.Value,
        FieldsOf = _ =>
        [
            new("value", "Waarde", FieldKind.WholeNumber),
            new("label", "Naam", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
            new("description", "Beschrijving", FieldKind.TextArea, MaxLength: FrameworkRules.MaxTextLength),
        ],
        ValuesOf = (l, _) => new() { ["value"] = Number(l.Value), ["label"] = l.Label, ["description"] = l.Description },
        Write = (l, r, _) =>
        {
            l.Value = r.WholeNumber("value", l.Value);
            l.Label = r.Text("label");
            l.Description = r.OptionalText("description");
        },
    };

    public static readonly ListEditor Aspects = new ListEditor<AspectDefinition>
    {
        Slug = "aspecten",
        Title = "Aspecten",
        ItemLabel = "Aspect",
        Intro = "De kolommen van de scan, voor elk domein dezelfde. Beschrijf per niveau wat het voor dit aspect betekent; "
                + "scholen zien die beschrijving bij hun keuze, behalve in een domein met eigen niveaubeschrijvingen voor het aspect.",
        BlankRows = 1,
        Items = f => f.Aspects,
        PathOf = _ => "aspects",
        KeyOf = a => a.Key,
        SetKey = (a, key) => a.Key = key,
        FieldsOf = f =>
        [
            new("name", "Naam", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
            new("description", "Omschrijving", FieldKind.TextArea, MaxLength: FrameworkRules.MaxDescriptionLength),
            .. f.Levels.Select(l => new ListField($"level-{Number(l.Value)}", $"Niveau {Number(l.Value)}: {l.Label}", FieldKind.TextArea, MaxLength: FrameworkRules.MaxDescriptionLength)),
        ],
        ValuesOf = (a, f) =>
        {
            var values = new Dictionary<string, string?> { ["name"] = a.Name, ["description"] = a.Description };
            foreach (var level in f.Levels) values[$"level-{Number(level.Value)}"] = a.DescriptionFor(level.Value);
            return values;
        },
        Write = (a, r, f) =>
        {
            a.Name = r.Text("name");
            a.Description = r.OptionalText("description");
            a.LevelDescriptions = f.Levels
                .Select(l => new LevelDescription { Level = l.Value, Text = r.Text($"level-{Number(l.Value)}") })
                .Where(d => d.Text.Length > 0)
                .ToList();
        },
        MapField = (f, index, rest) =>
        {
            // ".levelDescriptions[2].text" belongs to the textarea of that description's level.
            const string prefix = ".levelDescriptions[";
            if (!rest.StartsWith(prefix, StringComparison.Ordinal)) return null;
            var end = rest.IndexOf(']', StringComparison.Ordinal);
            return int.TryParse(rest.AsSpan(prefix.Length, end - prefix.Length), CultureInfo.InvariantCulture, out var j)
                   && index < f.Aspects.Count && j < f.Aspects[index].LevelDescriptions.Count
                ? $"level-{Number(f.Aspects[index].LevelDescriptions[j].Level)}"
                : null;
        },
    };

    public static readonly ListEditor Domains = new ListEditor<DomainDefinition>
    {
        Slug = "domeinen",
        Title = "Domeinen",
        ItemLabel = "Domein",
        Intro = "De domeinen van de basisondersteuning: de rijen van de scan. Elk domein is een eigen onderdeel van de scan.",
        Items = f => f.Domains,
        PathOf = _ => "domains",
        KeyOf = d => d.Key,
        SetKey = (d, key) => d.Key = key,
        FieldsOf = _ =>
        [
            new("name", "Naam", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
            new("description", "Omschrijving", FieldKind.TextArea, MaxLength: FrameworkRules.MaxDescriptionLength),
            new("examples", "Voorbeelden", FieldKind.Lines, Hint: "Eén voorbeeld per regel; twee tot vier helpen de school op weg."),
        ],
        ValuesOf = (d, _) => new() { ["name"] = d.Name, ["description"] = d.Description, ["examples"] = string.Join('\n', d.Examples) },
        Write = (d, r, _) =>
        {
            d.Name = r.Text("name");
            d.Description = r.OptionalText("description");
            d.Examples = r.Lines("examples");
        },
    };

    public static readonly ListEditor ChangeCapacity = new ListEditor<StatementDefinition>
    {
        Slug = "verandercapaciteit",
        Title = "Verandercapaciteit",
        ItemLabel = "Stelling",
        Intro = "Stellingen over het vermogen van de school om te veranderen, gescoord op dezelfde niveaus als de domeinen.",
        Items = f => f.ChangeCapacity,
        PathOf = _ => "changeCapacity",
        KeyOf = s => s.Key,
        SetKey = (s, key) => s.Key = key,
        NameField = "text",
        FieldsOf = _ => [new("text", "Stelling", FieldKind.TextArea, MaxLength: FrameworkRules.MaxTextLength)],
        ValuesOf = (s, _) => new() { ["text"] = s.Text },
        Write = (s, r, _) => s.Text = r.Text("text"),
    };

    public static readonly ListEditor Agreements = new ListEditor<AgreementDefinition>
    {
        Slug = "afspraken",
        Title = "Afspraken basisondersteuning",
        ItemLabel = "Afspraak",
        Intro = "Genummerde afspraken waarop elke school zichzelf scoort, in de volgorde van hun nummer.",
        Items = f => f.Agreements,
        PathOf = _ => "agreements",
        KeyOf = a => a.Key,
        SetKey = (a, key) => a.Key = key,
        NameField = "text",
        SortKey = a => a.Number,
        FieldsOf = _ =>
        [
            new("number", "Nummer", FieldKind.WholeNumber),
            new("text", "Afspraak", FieldKind.TextArea, MaxLength: FrameworkRules.MaxTextLength),
            new("category", "Categorie", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
            new("showScoreInSop", "Score van de school tonen in het SOP", FieldKind.Checkbox,
                Hint: "Zet dit uit bij afspraken over handelingsgericht werken: die staan ter kennisgeving in het SOP, zonder score."),
        ],
        ValuesOf = (a, _) => new()
        {
            ["number"] = Number(a.Number),
            ["text"] = a.Text,
            ["category"] = a.Category,
            ["showScoreInSop"] = Flag(a.ShowScoreInSop),
        },
        Write = (a, r, _) =>
        {
            a.Number = r.WholeNumber("number", a.Number);
            a.Text = r.Text("text");
            a.Category = r.Text("category");
            a.ShowScoreInSop = r.Checked("showScoreInSop");
        },
    };

    public static readonly ListEditor OfferingGroups = new ListEditor<OfferingGroupDefinition>
    {
        Slug = "aanbodgroepen",
        Title = "Aanbodgroepen",
        ItemLabel = "Aanbodgroep",
        Intro = "De groepen van de aanbodcatalogus. De onderdelen van een groep wijzigt u op de pagina van die groep. "
                + "Met een groep verwijdert u ook alle onderdelen ervan.",
        BlankRows = 1,
        Items = f => f.OfferingGroups,
        PathOf = _ => "offeringGroups",
        KeyOf = g => g.Key,
        SetKey = (g, key) => g.Key = key,
        FieldsOf = _ =>
        [
            new("name", "Naam", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
            new("kind", "Soort", FieldKind.Select, Options: Enum.GetValues<OfferingKind>().Select(k => new SelectListItem(k.ToDutch(), k.ToString())).ToList()),
        ],
        ValuesOf = (g, _) => new() { ["name"] = g.Name, ["kind"] = g.Kind.ToString() },
        Write = (g, r, _) =>
        {
            g.Name = r.Text("name");
            g.Kind = r.Enum("kind", g.Kind);
        },
    };

    public static readonly ListEditor OpenQuestions = new ListEditor<OpenQuestionDefinition>
    {
        Slug = "open-vragen",
        Title = "Open vragen",
        ItemLabel = "Vraag",
        Intro = "Vragen die de school in eigen woorden beantwoordt, zoals de visie op ondersteuning en de grenzen aan de ondersteuning.",
        Items = f => f.OpenQuestions,
        PathOf = _ => "openQuestions",
        KeyOf = q => q.Key,
        SetKey = (q, key) => q.Key = key,
        NameField = "title",
        FieldsOf = _ =>
        [
            new("title", "Vraag", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
            new("help", "Uitleg bij de vraag", FieldKind.TextArea, MaxLength: FrameworkRules.MaxDescriptionLength),
            new("maxLength", "Maximaal aantal tekens", FieldKind.WholeNumber,
                Hint: $"Tussen {FrameworkRules.MinAnswerLength} en {FrameworkRules.MaxAnswerLength}; leeg is 4000."),
            new("required", "Verplicht", FieldKind.Checkbox),
            new("inSop", "Het antwoord staat in het SOP", FieldKind.Checkbox),
        ],
        ValuesOf = (q, _) => new()
        {
            ["title"] = q.Title,
            ["help"] = q.Help,
            ["maxLength"] = Number(q.MaxLength),
            ["required"] = Flag(q.Required),
            ["inSop"] = Flag(q.InSop),
        },
        Write = (q, r, _) =>
        {
            q.Title = r.Text("title");
            q.Help = r.OptionalText("help");
            q.MaxLength = r.WholeNumber("maxLength", q.MaxLength, whenEmpty: 4000);
            q.Required = r.Checked("required");
            q.InSop = r.Checked("inSop");
        },
    };

    public static readonly ListEditor FinanceCategories = new ListEditor<FinanceCategoryDefinition>
    {
        Slug = "financien",
        Title = "Uitgavenposten",
        ItemLabel = "Uitgavenpost",
        Intro = "De posten waarop de school verantwoordt hoe zij het geld voor basisondersteuning heeft besteed.",
        Items = f => f.FinanceCategories,
        PathOf = _ => "financeCategories",
        KeyOf = c => c.Key,
        SetKey = (c, key) => c.Key = key,
        FieldsOf = _ => [new("name", "Naam", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength)],
        ValuesOf = (c, _) => new() { ["name"] = c.Name },
        Write = (c, r, _) => c.Name = r.Text("name"),
    };

    public static readonly ListEditor KeyFigures = new ListEditor<KeyFigureDefinition>
    {
        Slug = "kengetallen",
        Title = "Kengetallen",
        ItemLabel = "Kengetal",
        Intro = "Getallen die het samenwerkingsverband per school wil volgen. Het leerlingaantal komt uit DUO en staat hier niet.",
        Items = f => f.KeyFigures,
        PathOf = _ => "keyFigures",
        KeyOf = k => k.Key,
        SetKey = (k, key) => k.Key = key,
        FieldsOf = _ =>
        [
            new("name", "Naam", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
            new("unit", "Eenheid", FieldKind.Text, Hint: "Bijvoorbeeld 'leerlingen'.", MaxLength: FrameworkRules.MaxUnitLength),
            new("required", "Verplicht", FieldKind.Checkbox),
            new("publicInSop", "Openbaar in het SOP", FieldKind.Checkbox,
                Hint: "Het getal van de school staat dan in het schoolondersteuningsprofiel, voor ouders. Laat dit uit bij kleine aantallen die naar leerlingen te herleiden zijn, zoals thuiszitters."),
        ],
        ValuesOf = (k, _) => new() { ["name"] = k.Name, ["unit"] = k.Unit, ["required"] = Flag(k.Required), ["publicInSop"] = Flag(k.PublicInSop) },
        Write = (k, r, _) =>
        {
            k.Name = r.Text("name");
            k.Unit = r.OptionalText("unit");
            k.Required = r.Checked("required");
            k.PublicInSop = r.Checked("publicInSop");
        },
    };

    public static readonly IReadOnlyList<ListEditor> All =
        [Levels, Aspects, Domains, ChangeCapacity, Agreements, OfferingGroups, OpenQuestions, FinanceCategories, KeyFigures];

    public static ListEditor? Find(string slug) => All.FirstOrDefault(e => e.Slug == slug);

    /// <summary>The items of one offering group; their keys are unique across all groups.</summary>
    public static ListEditor? OfferingItems(FrameworkDefinition framework, string groupKey)
    {
        var group = framework.OfferingGroups.ByKey(groupKey);
        if (group is null) return null;
        return new ListEditor<OfferingItemDefinition>
        {
            Slug = $"aanbod/{groupKey}",
            Title = $"Aanbod: {group.Name}",
            ItemLabel = "Onderdeel",
            Intro = "De onderdelen die een school kan aanvinken als aanwezig, eventueel met een toelichting of een aantal.",
            Items = f => f.OfferingGroups.ByKey(groupKey)!.Items,
            PathOf = f => $"offeringGroups[{Number(f.OfferingGroups.FindIndex(g => g.Key == groupKey))}].items",
            KeyOf = i => i.Key,
            SetKey = (i, key) => i.Key = key,
            TakenKeys = f => f.OfferingItems.Select(i => i.Key),
            FieldsOf = _ =>
            [
                new("name", "Naam", FieldKind.Text, MaxLength: FrameworkRules.MaxNameLength),
                new("quantityUnit", "Eenheid voor een aantal", FieldKind.Text,
                    Hint: "Bijvoorbeeld 'dagdelen per week' of 'fte'. Leeg als er geen aantal wordt gevraagd.", MaxLength: FrameworkRules.MaxUnitLength),
                new("asksNote", "Vraagt om een toelichting", FieldKind.Checkbox, Hint: "Bijvoorbeeld welke methode of welk programma."),
            ],
            ValuesOf = (i, _) => new() { ["name"] = i.Name, ["quantityUnit"] = i.QuantityUnit, ["asksNote"] = Flag(i.AsksNote) },
            Write = (i, r, _) =>
            {
                i.Name = r.Text("name");
                i.QuantityUnit = r.OptionalText("quantityUnit");
                i.AsksNote = r.Checked("asksNote");
            },
        };
    }
}
