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
    public const string ChangeCapacityKey = "cc";
    public const string AgreementsKey = "a";
    public const string OfferingKey = "o";
    public const string OpenQuestionsKey = "q";
    public const string FinancesKey = "f";
    public const string KeyFiguresKey = "k";
    public const string FinanceEvaluationKey = "f:evaluation";

    public static string DomainSectionKey(string domainKey) => $"d:{domainKey}";
    public static string CellKey(string domainKey, string aspectKey) => $"d:{domainKey}:{aspectKey}";
    public static string ChangeCapacityItem(string key) => $"cc:{key}";
    public static string AgreementItem(string key) => $"a:{key}";
    public static string OfferingItem(string key) => $"o:{key}";
    public static string QuestionItem(string key) => $"q:{key}";
    public static string FinanceItem(string key) => $"f:{key}";
    public static string KeyFigureItem(string key) => $"k:{key}";

    public static IReadOnlyList<SectionDefinition> Sections(FrameworkDefinition framework)
    {
        var sections = framework.Domains
            .Select(d => new SectionDefinition(DomainSectionKey(d.Key), d.Name, SectionKind.Domain, d))
            .ToList();
        if (framework.ChangeCapacity.Count > 0) sections.Add(new(ChangeCapacityKey, "Verandercapaciteit", SectionKind.ChangeCapacity));
        if (framework.Agreements.Count > 0) sections.Add(new(AgreementsKey, "Afspraken basisondersteuning", SectionKind.Agreements));
        if (framework.OfferingGroups.Count > 0) sections.Add(new(OfferingKey, "Aanbod", SectionKind.Offering));
        if (framework.OpenQuestions.Count > 0) sections.Add(new(OpenQuestionsKey, "Visie, grenzen en ambities", SectionKind.OpenQuestions));
        if (framework.FinanceCategories.Count > 0) sections.Add(new(FinancesKey, "Financiën", SectionKind.Finances));
        sections.Add(new(KeyFiguresKey, "Kengetallen", SectionKind.KeyFigures));
        return sections;
    }

    public static SectionDefinition? FindBySlug(FrameworkDefinition framework, string slug) =>
        Sections(framework).FirstOrDefault(s => s.Slug == slug);

    /// <summary>Every answer key of a section.</summary>
    public static IReadOnlyList<string> ItemKeys(FrameworkDefinition framework, SectionDefinition section) => section.Kind switch
    {
        SectionKind.Domain => framework.Aspects.Select(a => CellKey(section.Domain!.Key, a.Key)).ToList(),
        SectionKind.ChangeCapacity => framework.ChangeCapacity.Select(s => ChangeCapacityItem(s.Key)).ToList(),
        SectionKind.Agreements => framework.Agreements.Select(a => AgreementItem(a.Key)).ToList(),
        SectionKind.Offering => framework.OfferingItems.Select(i => OfferingItem(i.Key)).ToList(),
        SectionKind.OpenQuestions => framework.OpenQuestions.Select(q => QuestionItem(q.Key)).ToList(),
        SectionKind.Finances => framework.FinanceCategories.Select(c => FinanceItem(c.Key)).Append(FinanceEvaluationKey).ToList(),
        SectionKind.KeyFigures => framework.KeyFigures.Select(k => KeyFigureItem(k.Key)).ToList(),
        _ => [],
    };

    /// <summary>The section an answer key belongs to.</summary>
    public static string SectionKeyOf(string itemKey)
    {
        if (itemKey.StartsWith("d:", StringComparison.Ordinal))
        {
            var parts = itemKey.Split(':');
            return DomainSectionKey(parts[1]);
        }

        return itemKey[..itemKey.IndexOf(':', StringComparison.Ordinal)];
    }

    /// <summary>Every answer key of the framework, for carrying answers over from last year.</summary>
    public static HashSet<string> AllItemKeys(FrameworkDefinition framework) =>
        Sections(framework).SelectMany(s => ItemKeys(framework, s)).ToHashSet(StringComparer.Ordinal);
}
