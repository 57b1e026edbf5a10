namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>The fields an answer can have.</summary>
public enum ItemField
{
    Level,
    TargetLevel,
    Text,
    Number,
    Checked,
}

/// <summary>What a number of an item stands for: an amount in euros or a count (pupils, FTE, dagdelen).</summary>
public enum NumberKind
{
    Count,
    Amount,
}

/// <summary>The text of an item: its maximum length and how messages name it ("De toelichting").</summary>
public sealed record TextField(int MaxLength, string Name);

/// <summary>
/// What an item needs before its section is complete, and how its absence reads: per item after its name
/// ("Expertise: kies een niveau"), or counted over the section when <see cref="MissingMany"/> is set
/// ("3 stellingen zonder niveau").
/// </summary>
public sealed record Requirement(ItemField Field, string Missing, string? MissingMany = null)
{
    public bool IsMetBy(ScanAnswer? answer) => Field switch
    {
        ItemField.Level => answer?.Level is not null,
        ItemField.TargetLevel => answer?.TargetLevel is not null,
        ItemField.Text => !string.IsNullOrWhiteSpace(answer?.Text),
        ItemField.Number => answer?.Number is not null,
        ItemField.Checked => answer?.Checked == true,
        _ => true,
    };
}

/// <summary>
/// A section whose every item may stay empty (ticking nothing is an answer) but that must be saved once to
/// be complete. <see cref="EvenWithoutItems"/>: also when the framework gives the section no items.
/// </summary>
public sealed record SaveOnce(string Message, bool EvenWithoutItems);

/// <summary>
/// The fields one item has and their limits. A field the item does not have is not stored (the save clears
/// it), not validated and not shown. Levels and target levels are on the framework's level scale; numbers
/// are from <see cref="SectionKindDescriptor.MinNumber"/> up to (not including) <see cref="SectionKindDescriptor.MaxNumber"/>.
/// </summary>
public sealed record ItemFields
{
    public static readonly ItemFields None = new();

    /// <summary>What the school reads as the item's name in messages (an aspect, a question's title).</summary>
    public string Name { get; init; } = "";

    public bool Level { get; init; }
    public bool TargetLevel { get; init; }
    public bool Checked { get; init; }
    public TextField? Text { get; init; }
    public NumberKind? Number { get; init; }

    /// <summary>The text and number belong to a ticked item only (an offering's note and quantity).</summary>
    public bool DetailsOnlyWhenChecked { get; init; }

    /// <summary>The framework's explanation rule applies: a toelichting for a low level and for a target level.</summary>
    public bool ExplanationRule { get; init; }

    /// <summary>What the item needs for its section to be complete; null when it may stay empty.</summary>
    public Requirement? Required { get; init; }
}

/// <summary>
/// One descriptor per <see cref="SectionKind"/>: which items a section of that kind has, which fields each
/// item has, their limits, and what makes the section complete. The save, the validator, the completeness
/// check and the section form all read it, so they cannot disagree.
/// </summary>
public sealed class SectionKindDescriptor
{
    /// <summary>A note next to a statement, an agreement or an offering item.</summary>
    public const int NoteMaxLength = 500;

    /// <summary>The finances' evaluation.</summary>
    public const int EvaluationMaxLength = 4000;

    /// <summary>Numbers (amounts, counts) are this or more, and below <see cref="MaxNumber"/>.</summary>
    public const decimal MinNumber = 0m;
    public const decimal MaxNumber = 100_000_000m;

    private const string Explanation = "De toelichting";

    private readonly Func<FrameworkDefinition, SectionDefinition, IEnumerable<ItemKey>> _items;
    private readonly Func<FrameworkDefinition, ItemKey, ItemFields> _fields;

    private SectionKindDescriptor(SectionKind kind, Func<FrameworkDefinition, SectionDefinition, IEnumerable<ItemKey>> items,
        Func<FrameworkDefinition, ItemKey, ItemFields> fields, SaveOnce? saveOnce = null)
    {
        Kind = kind;
        _items = items;
        _fields = fields;
        SaveOnce = saveOnce;
    }

    public SectionKind Kind { get; }

    /// <summary>Set when the section must be saved once to be complete.</summary>
    public SaveOnce? SaveOnce { get; }

    /// <summary>The items of a section of this kind, in the order of the form.</summary>
    public IReadOnlyList<ItemKey> Items(FrameworkDefinition framework, SectionDefinition section) => _items(framework, section).ToList();

    /// <summary>The fields of one item; <see cref="ItemFields.None"/> for a key of another kind.</summary>
    public ItemFields Fields(FrameworkDefinition framework, ItemKey key) => key.Kind == Kind ? _fields(framework, key) : ItemFields.None;

    /// <summary>The fields of a posted or stored key; <see cref="ItemFields.None"/> when it is no answer key of this kind.</summary>
    public ItemFields Fields(FrameworkDefinition framework, string itemKey) =>
        ItemKey.TryParse(itemKey, out var key) ? Fields(framework, key) : ItemFields.None;

    public static SectionKindDescriptor For(SectionKind kind) => All[(int)kind];

    /// <summary>The fields of a stored or posted key; <see cref="ItemFields.None"/> when it is not an answer key.</summary>
    public static ItemFields FieldsOf(FrameworkDefinition framework, string itemKey) =>
        ItemKey.TryParse(itemKey, out var key) ? For(key.Kind).Fields(framework, key) : ItemFields.None;

    /// <summary>Indexed by <see cref="SectionKind"/>.</summary>
    public static IReadOnlyList<SectionKindDescriptor> All { get; } =
    [
        new(SectionKind.Domain,
            (f, s) => f.Aspects.Select(a => ItemKey.Cell(s.Domain!.Key, a.Key)),
            (f, key) => new ItemFields
            {
                Name = f.AspectName(key.Aspect!),
                Level = true,
                TargetLevel = true,
                Text = new TextField(f.Rules.MaxLength, Explanation),
                ExplanationRule = true,
                Required = new Requirement(ItemField.Level, "kies een niveau"),
            }),
        new(SectionKind.ChangeCapacity,
            (f, _) => f.ChangeCapacity.Select(s => ItemKey.ChangeCapacity(s.Key)),
            (f, key) => new ItemFields
            {
                Name = f.ChangeCapacity.ByKey(key.Key)?.Text ?? key.Key,
                Level = true,
                Text = new TextField(NoteMaxLength, Explanation),
                Required = new Requirement(ItemField.Level, "stelling zonder niveau", "stellingen zonder niveau"),
            }),
        new(SectionKind.Agreements,
            (f, _) => f.Agreements.Select(a => ItemKey.Agreement(a.Key)),
            (f, key) => new ItemFields
            {
                Name = f.Agreements.ByKey(key.Key)?.Text ?? key.Key,
                Level = true,
                Text = new TextField(NoteMaxLength, Explanation),
                Required = new Requirement(ItemField.Level, "afspraak zonder score", "afspraken zonder score"),
            }),
        new(SectionKind.Offering,
            (f, _) => f.OfferingItems.Select(i => ItemKey.Offering(i.Key)),
            (f, key) => f.OfferingItems.ByKey(key.Key) is { } item
                ? new ItemFields
                {
                    Name = item.Name,
                    Checked = true,
                    Text = item.AsksNote ? new TextField(NoteMaxLength, Explanation) : null,
                    Number = item.QuantityUnit is null ? null : NumberKind.Count,
                    DetailsOnlyWhenChecked = true,
                }
                : new ItemFields { Name = key.Key, Checked = true },
            new SaveOnce("Geef aan wat de school aanbiedt en sla op", EvenWithoutItems: true)),
        new(SectionKind.OpenQuestions,
            (f, _) => f.OpenQuestions.Select(q => ItemKey.Question(q.Key)),
            (f, key) =>
            {
                var question = f.OpenQuestions.ByKey(key.Key);
                return new ItemFields
                {
                    Name = question?.Title ?? key.Key,
                    Text = new TextField(question?.MaxLength ?? new OpenQuestionDefinition().MaxLength, "Het antwoord"),
                    Required = question?.Required == true ? new Requirement(ItemField.Text, "nog niet beantwoord") : null,
                };
            }),
        new(SectionKind.Finances,
            (f, _) => f.FinanceCategories.Select(c => ItemKey.Finance(c.Key)).Append(ItemKey.FinanceEvaluation),
            (f, key) => key.IsFinanceEvaluation
                ? new ItemFields
                {
                    Name = "Evaluatie",
                    Text = new TextField(EvaluationMaxLength, "De evaluatie"),
                    Required = new Requirement(ItemField.Text, "wat is bereikt, ontbreekt"),
                }
                : new ItemFields
                {
                    Name = f.FinanceCategories.ByKey(key.Key)?.Name ?? key.Key,
                    Number = NumberKind.Amount,
                    Required = new Requirement(ItemField.Number, "uitgavenpost zonder bedrag", "uitgavenposten zonder bedrag"),
                }),
        new(SectionKind.KeyFigures,
            (f, _) => f.KeyFigures.Select(k => ItemKey.KeyFigure(k.Key)),
            (f, key) =>
            {
                var figure = f.KeyFigures.ByKey(key.Key);
                return new ItemFields
                {
                    Name = figure?.Name ?? key.Key,
                    Number = NumberKind.Count,
                    Required = figure?.Required == true ? new Requirement(ItemField.Number, "nog niet ingevuld") : null,
                };
            },
            new SaveOnce("Controleer de kengetallen en sla op", EvenWithoutItems: false)),
    ];
}
