namespace Zout.Basisondersteuning.Web.Domain.Scans;

public enum SectionKind
{
    Domain,
    ChangeCapacity,
    Agreements,
    Offering,
    OpenQuestions,
    Finances,
    KeyFigures,
}

public sealed record SectionDefinition(string Key, string Title, SectionKind Kind, DomainDefinition? Domain = null)
{
    /// <summary>What the items of this section have and need.</summary>
    public SectionKindDescriptor Descriptor => SectionKindDescriptor.For(Kind);

    /// <summary>The URL segment of the section: "domein-taal-lezen", "verandercapaciteit", ...</summary>
    public string Slug => Kind switch
    {
        SectionKind.Domain => $"domein-{Domain!.Key}",
        SectionKind.ChangeCapacity => "verandercapaciteit",
        SectionKind.Agreements => "afspraken",
        SectionKind.Offering => "aanbod",
        SectionKind.OpenQuestions => "open-vragen",
        SectionKind.Finances => "financien",
        SectionKind.KeyFigures => "kengetallen",
        _ => Key,
    };
}

/// <summary>How a framework becomes sections and answer keys. The keys are stable across school years.</summary>
public static class ScanLayout
{
    public static IReadOnlyList<SectionDefinition> Sections(FrameworkDefinition framework)
    {
        var sections = framework.Domains
            .Select(d => new SectionDefinition(ItemKey.SectionKeyOf(SectionKind.Domain, d.Key), d.Name, SectionKind.Domain, d))
            .ToList();
        if (framework.ChangeCapacity.Count > 0) sections.Add(Section(SectionKind.ChangeCapacity, "Verandercapaciteit"));
        if (framework.Agreements.Count > 0) sections.Add(Section(SectionKind.Agreements, "Afspraken basisondersteuning"));
        if (framework.OfferingGroups.Count > 0) sections.Add(Section(SectionKind.Offering, "Aanbod"));
        if (framework.OpenQuestions.Count > 0) sections.Add(Section(SectionKind.OpenQuestions, "Visie, grenzen en ambities"));
        if (framework.FinanceCategories.Count > 0) sections.Add(Section(SectionKind.Finances, "Financiën"));
        sections.Add(Section(SectionKind.KeyFigures, "Kengetallen"));
        return sections;
    }

    private static SectionDefinition Section(SectionKind kind, string title) => new(ItemKey.SectionKeyOf(kind), title, kind);

    public static SectionDefinition? FindBySlug(FrameworkDefinition framework, string slug) =>
        Sections(framework).FirstOrDefault(s => s.Slug == slug);

    /// <summary>Every answer key of a section, as stored.</summary>
    public static IReadOnlyList<string> ItemKeys(FrameworkDefinition framework, SectionDefinition section) =>
        section.Descriptor.Items(framework, section).Select(k => k.ToString()).ToList();

    /// <summary>Every answer key of the framework, for carrying answers over from last year.</summary>
    public static HashSet<string> AllItemKeys(FrameworkDefinition framework) =>
        Sections(framework).SelectMany(s => ItemKeys(framework, s)).ToHashSet(StringComparer.Ordinal);
}
