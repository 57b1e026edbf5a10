using System.Diagnostics.CodeAnalysis;

namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// The stable key of one answer of a scan, and the only code that writes or reads its text form:
/// "d:{domain}:{aspect}", "cc:{statement}", "a:{agreement}", "o:{offering item}", "q:{question}",
/// "f:{finance category}", "f:evaluation", "k:{key figure}". That text is stored (answers, audit trail,
/// drafts) and carried over from year to year, so it never changes. <see cref="Kind"/> is the kind of
/// section the item belongs to; <see cref="Key"/> is the framework key of the item (of the domain, for a
/// cell); <see cref="Aspect"/> is the aspect of a cell and null otherwise.
/// </summary>
public readonly record struct ItemKey
{
    /// <summary>Prefixes of the text form, for database queries that filter on one kind ("LIKE 'd:%'").</summary>
    public const string DomainPrefix = "d:";
    public const string ChangeCapacityPrefix = "cc:";
    public const string AgreementPrefix = "a:";
    public const string OfferingPrefix = "o:";
    public const string QuestionPrefix = "q:";
    public const string FinancePrefix = "f:";
    public const string KeyFigurePrefix = "k:";

    /// <summary>The finances section's own item next to the categories: what the money achieved.</summary>
    public const string FinanceEvaluationKey = "evaluation";

    private const char Separator = ':';

    private ItemKey(SectionKind kind, string key, string? aspect)
    {
        Kind = kind;
        Key = key;
        Aspect = aspect;
    }

    public SectionKind Kind { get; }

    /// <summary>The framework key of the item; for a cell, the key of its domain.</summary>
    public string Key { get; }

    /// <summary>The aspect of a cell (a domain x aspect answer); null for every other item.</summary>
    public string? Aspect { get; }

    public static ItemKey Cell(string domainKey, string aspectKey) => new(SectionKind.Domain, domainKey, aspectKey);
    public static ItemKey ChangeCapacity(string statementKey) => new(SectionKind.ChangeCapacity, statementKey, null);
    public static ItemKey Agreement(string agreementKey) => new(SectionKind.Agreements, agreementKey, null);
    public static ItemKey Offering(string itemKey) => new(SectionKind.Offering, itemKey, null);
    public static ItemKey Question(string questionKey) => new(SectionKind.OpenQuestions, questionKey, null);
    public static ItemKey Finance(string categoryKey) => new(SectionKind.Finances, categoryKey, null);
    public static ItemKey FinanceEvaluation { get; } = new(SectionKind.Finances, FinanceEvaluationKey, null);
    public static ItemKey KeyFigure(string figureKey) => new(SectionKind.KeyFigures, figureKey, null);

    public bool IsCell => Kind == SectionKind.Domain;

    public bool IsFinanceEvaluation => Kind == SectionKind.Finances && Key == FinanceEvaluationKey;

    /// <summary>The key of the section this item belongs to.</summary>
    public string SectionKey => SectionKeyOf(Kind, IsCell ? Key : null);

    /// <summary>The stored key of a section: "d:{domain}" for a domain, "cc", "a", "o", "q", "f" or "k" for the others.</summary>
    public static string SectionKeyOf(SectionKind kind, string? domainKey = null) =>
        kind == SectionKind.Domain ? DomainPrefix + domainKey : Prefix(kind).TrimEnd(Separator);

    public override string ToString() => IsCell ? $"{DomainPrefix}{Key}{Separator}{Aspect}" : Prefix(Kind) + Key;

    /// <summary>Answers are stored and looked up by the text form, so a key can stand where that text is asked for.</summary>
    public static implicit operator string(ItemKey key) => key.ToString();

    public static ItemKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not an answer key.");

    public static bool TryParse([NotNullWhen(true)] string? text, out ItemKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text)) return false;
        var colon = text.IndexOf(Separator, StringComparison.Ordinal);
        if (colon <= 0) return false;
        var prefix = text[..(colon + 1)];
        var rest = text[(colon + 1)..];
        if (prefix == DomainPrefix)
        {
            var split = rest.IndexOf(Separator, StringComparison.Ordinal);
            if (split <= 0 || split == rest.Length - 1 || rest.IndexOf(Separator, split + 1) >= 0) return false;
            key = Cell(rest[..split], rest[(split + 1)..]);
            return true;
        }

        SectionKind? kind = prefix switch
        {
            ChangeCapacityPrefix => SectionKind.ChangeCapacity,
            AgreementPrefix => SectionKind.Agreements,
            OfferingPrefix => SectionKind.Offering,
            QuestionPrefix => SectionKind.OpenQuestions,
            FinancePrefix => SectionKind.Finances,
            KeyFigurePrefix => SectionKind.KeyFigures,
            _ => null,
        };
        if (kind is null || rest.Length == 0 || rest.Contains(Separator, StringComparison.Ordinal)) return false;
        key = new ItemKey(kind.Value, rest, null);
        return true;
    }

    private static string Prefix(SectionKind kind) => kind switch
    {
        SectionKind.Domain => DomainPrefix,
        SectionKind.ChangeCapacity => ChangeCapacityPrefix,
        SectionKind.Agreements => AgreementPrefix,
        SectionKind.Offering => OfferingPrefix,
        SectionKind.OpenQuestions => QuestionPrefix,
        SectionKind.Finances => FinancePrefix,
        SectionKind.KeyFigures => KeyFigurePrefix,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
