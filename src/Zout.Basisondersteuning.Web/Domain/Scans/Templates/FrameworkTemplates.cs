using System.Collections.Concurrent;

namespace Zout.Basisondersteuning.Web.Domain.Scans.Templates;

/// <summary>A starting framework the admin can choose for a school year: one JSON document in this folder.</summary>
public sealed record FrameworkTemplate(string Id, string Title, string Description)
{
    /// <summary>The embedded resource of <c>Domain/Scans/Templates/{Id}.json</c> (see the project file).</summary>
    public string ResourceName => $"FrameworkTemplates/{Id}.json";
}

/// <summary>
/// The starting frameworks that ship with the portal, each a document valid per docs/framework-format.md, made from
/// a partnership's own documents. A new school year starts with a copy of last year's framework or with one of these.
/// </summary>
public static class FrameworkTemplates
{
    public const string DefaultId = "domeinen-aspecten";

    public static readonly IReadOnlyList<FrameworkTemplate> All =
    [
        new(DefaultId, "Domeinen x aspecten",
            "Het standaardkader: de domeinen van de basisondersteuning (zoals taal en lezen, rekenen, gedrag en ondersteuning bij minder intelligentie), "
            + "elk gescoord op expertise, aanbod, facilitair, beleid en borging. Met verandercapaciteit, afspraken, de aanbodcatalogus, open vragen, financiën en kengetallen."),
        new("25-afspraken", "De 25 afspraken voor de sterke basis",
            "De 25 afspraken letterlijk en in hun volgorde. Afspraak 1 tot en met 16 (handelingsgericht werken) staan ter kennisgeving in het SOP, zonder score; "
            + "17 tot en met 25 met de score van de school. Met de vragenlijst: hoe de ondersteuning is georganiseerd, het eigen aanbod met de kernpartners, grenzen en ambities."),
        new("vier-factoren", "Vier factoren",
            "Basiskwaliteit, de onderwijs- en ondersteuningsstructuur, handelingsgericht werken (met niveaus om met elkaar een professionele dialoog te voeren) "
            + "en preventieve en licht curatieve interventies: leer- en ontwikkelingsvragen, fysiek-medische vragen, sociaal-emotionele vragen en gedrag, en signalering."),
    ];

    public static FrameworkTemplate Default => All[0];

    public static FrameworkTemplate? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>The template's document as shipped.</summary>
    public static string Json(FrameworkTemplate template) => Texts.GetOrAdd(template.ResourceName, static name =>
    {
        using var stream = typeof(FrameworkTemplates).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The framework template {name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>A fresh, mutable framework made from the template.</summary>
    public static FrameworkDefinition Load(FrameworkTemplate template) => FrameworkDefinition.FromJson(Json(template));
}
