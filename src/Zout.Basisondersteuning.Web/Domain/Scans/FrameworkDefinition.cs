using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// The scan framework of one school year: what schools are asked. It belongs to the partnership and is
/// data, not code; stored and exchanged as one JSON document (format: docs/framework-format.md).
/// Items are identified by stable keys so that answers carry over from year to year.
/// </summary>
public sealed class FrameworkDefinition
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; set; } = CurrentFormatVersion;
    public string Name { get; set; } = "";

    /// <summary>The level scale, from low to high (default 1 niet aanwezig .. 4 sterk en geborgd).</summary>
    public List<LevelDefinition> Levels { get; set; } = [];

    /// <summary>Aspects (columns), the same for every domain: expertise, aanbod, facilitair, beleid, borging.</summary>
    public List<AspectDefinition> Aspects { get; set; } = [];

    /// <summary>Domains of basisondersteuning (rows).</summary>
    public List<DomainDefinition> Domains { get; set; } = [];

    /// <summary>Verandercapaciteit statements, scored on the level scale.</summary>
    public List<StatementDefinition> ChangeCapacity { get; set; } = [];

    /// <summary>Numbered agreements (afspraken) every school scores itself on.</summary>
    public List<AgreementDefinition> Agreements { get; set; } = [];

    public List<OfferingGroupDefinition> OfferingGroups { get; set; } = [];
    public List<OpenQuestionDefinition> OpenQuestions { get; set; } = [];
    public List<FinanceCategoryDefinition> FinanceCategories { get; set; } = [];

    /// <summary>What the partnership pays per pupil for basisondersteuning, in euros.</summary>
    public decimal AmountPerPupil { get; set; }

    public List<KeyFigureDefinition> KeyFigures { get; set; } = [];
    public ExplanationRules Rules { get; set; } = new();

    // Computed helpers, not part of the document.
    [JsonIgnore]
    public int MinLevel => Levels.Count == 0 ? 1 : Levels.Min(l => l.Value);
    [JsonIgnore]
    public int MaxLevel => Levels.Count == 0 ? 4 : Levels.Max(l => l.Value);
    public LevelDefinition? LevelOf(int? value) => value is null ? null : Levels.FirstOrDefault(l => l.Value == value);
    public string LevelLabel(int? value) => value is null ? "" : LevelOf(value)?.Label ?? value.Value.ToString(CultureInfo.InvariantCulture);

    [JsonIgnore]
    public IEnumerable<OfferingItemDefinition> OfferingItems => OfferingGroups.SelectMany(g => g.Items);

    /// <summary>The domain's name; the key itself when the framework does not have the domain (any more).</summary>
    public string DomainName(string key) => Domains.ByKey(key)?.Name ?? key;

    /// <summary>The aspect's name; the key itself when the framework does not have the aspect (any more).</summary>
    public string AspectName(string key) => Aspects.ByKey(key)?.Name ?? key;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static FrameworkDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<FrameworkDefinition>(json, JsonOptions) ?? throw new JsonException("Leeg document.");

    public FrameworkDefinition Clone() => FromJson(ToJson());
}

/// <summary>A framework item with a stable key: answers and development points refer to it by that key.</summary>
public interface IFrameworkItem
{
    string Key { get; }
}

public static class FrameworkItems
{
    /// <summary>The item with this key (ordinal); null when the list has none.</summary>
    public static T? ByKey<T>(this IEnumerable<T> items, string? key) where T : class, IFrameworkItem =>
        key is null ? null : items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));
}

public sealed class LevelDefinition
{
    public int Value { get; set; }
    public string Label { get; set; } = "";
    public string? Description { get; set; }
}

public sealed class AspectDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>What each level means for this aspect, shown next to the choice.</summary>
    public List<LevelDescription> LevelDescriptions { get; set; } = [];

    public string? DescriptionFor(int level) => LevelDescriptions.FirstOrDefault(d => d.Level == level)?.Text;
}

public sealed class LevelDescription
{
    public int Level { get; set; }
    public string Text { get; set; } = "";
}

public sealed class DomainDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Examples of what belongs to this domain, to help the school.</summary>
    public List<string> Examples { get; set; } = [];

    /// <summary>
    /// Level descriptions of this domain that replace an aspect's own (<see cref="AspectDefinition.LevelDescriptions"/>)
    /// in this domain's cells, per aspect and per level. Optional: null (left out of the document) means none, so
    /// documents written before the field existed stay valid and unchanged.
    /// </summary>
    public List<AspectLevelDescriptions>? AspectLevelDescriptions { get; set; }

    /// <summary>What <paramref name="level"/> means in this domain's cell of the aspect: the domain's own text, else the aspect's.</summary>
    public string? DescriptionFor(AspectDefinition aspect, int level) =>
        AspectLevelDescriptions?.FirstOrDefault(a => a?.Aspect == aspect.Key)?.LevelDescriptions?.FirstOrDefault(d => d?.Level == level)?.Text
        ?? aspect.DescriptionFor(level);
}

/// <summary>A domain's own level descriptions for one aspect.</summary>
public sealed class AspectLevelDescriptions
{
    /// <summary>The key of the aspect whose level descriptions these replace in the domain.</summary>
    public string Aspect { get; set; } = "";

    public List<LevelDescription> LevelDescriptions { get; set; } = [];
}

public sealed class StatementDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed class AgreementDefinition : IFrameworkItem
{
    public int Number { get; set; }
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public string Category { get; set; } = "";

    /// <summary>
    /// Whether the school's own score may appear in the SOP. Statements about handelingsgericht werken
    /// are listed there for information only (ter kennisgeving), without the score.
    /// </summary>
    public bool ShowScoreInSop { get; set; }
}

public enum OfferingKind
{
    Expertise,
    Intervention,
    Facility,
    Partner,
}

public sealed class OfferingGroupDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public OfferingKind Kind { get; set; }
    public List<OfferingItemDefinition> Items { get; set; } = [];
}

public sealed class OfferingItemDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Ask for a short note (e.g. which method or programme).</summary>
    public bool AsksNote { get; set; }

    /// <summary>Ask for a quantity in this unit, e.g. "dagdelen" or "fte"; null asks for none.</summary>
    public string? QuantityUnit { get; set; }
}

public sealed class OpenQuestionDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Help { get; set; }
    public bool Required { get; set; } = true;
    public int MaxLength { get; set; } = 4000;

    /// <summary>Whether the answer appears in the SOP (vision, limits, ambitions do).</summary>
    public bool InSop { get; set; } = true;
}

public sealed class FinanceCategoryDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class KeyFigureDefinition : IFrameworkItem
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Unit { get; set; }
    public bool Required { get; set; }

    /// <summary>
    /// Whether the school's number appears in the SOP, for parents. Off unless the partnership chooses it: a count
    /// such as thuiszitters can point at a few pupils of a small school.
    /// </summary>
    public bool PublicInSop { get; set; }
}

public sealed class ExplanationRules
{
    /// <summary>A toelichting is required for levels at or below this one (default 2: niet aanwezig, in ontwikkeling).</summary>
    public int RequiredAtOrBelowLevel { get; set; } = 2;

    /// <summary>A toelichting is required when a target level is set.</summary>
    public bool RequiredForTarget { get; set; } = true;

    public int MaxLength { get; set; } = 1000;
}
