using System.Globalization;
using System.Text.RegularExpressions;

namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// One problem in a framework document. <see cref="Place"/> is the path in the JSON document, as in the
/// exported file ("domains[3].key", 0-based like the paths of JSON parse errors); <see cref="Problem"/> says
/// in Dutch what is wrong there.
/// </summary>
public sealed record FrameworkProblem(string Place, string Problem)
{
    public override string ToString() => $"{Place}: {Problem}";
}

/// <summary>
/// The rules a framework must meet before it is stored, whether it comes from an import or an editor.
/// Robust against anything a JSON document can hold, including nulls where lists or texts belong.
/// </summary>
public static partial class FrameworkRules
{
    public const int MaxKeyLength = 60;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 1000;
    public const int MaxDescriptionLength = 4000;
    public const int MaxUnitLength = 50;
    public const int MinLevels = 2;
    public const int MaxLevels = 10;
    public const decimal MaxAmountPerPupil = 100_000m;
    public const int MinExplanationLength = 100;
    public const int MaxExplanationLength = 4000;
    public const int MinAnswerLength = 100;
    public const int MaxAnswerLength = 20_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    /// <summary>A key is a slug: lowercase letters a-z, digits and single hyphens, such as "taal-lezen".</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= MaxKeyLength } && KeyPattern().IsMatch(key);

    public static IReadOnlyList<FrameworkProblem> Check(FrameworkDefinition framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var check = new Checker();
        check.Run(framework);
        return check.Problems;
    }

    private sealed class Checker
    {
        public List<FrameworkProblem> Problems { get; } = [];

        private void Add(string place, string problem) => Problems.Add(new FrameworkProblem(place, problem));

        public void Run(FrameworkDefinition f)
        {
            if (f.FormatVersion != FrameworkDefinition.CurrentFormatVersion)
            {
                Add("formatVersion", $"Formaatversie {f.FormatVersion} wordt niet ondersteund; gebruik versie {FrameworkDefinition.CurrentFormatVersion}.");
            }

            RequiredText("name", f.Name, MaxNameLength, "De naam van het kader ontbreekt.");
            var levelValues = Levels(f.Levels);
            Aspects(f.Aspects, levelValues);
            Domains(f.Domains, AspectKeys(f.Aspects), levelValues);
            ChangeCapacity(f.ChangeCapacity);
            Agreements(f.Agreements);
            Offering(f.OfferingGroups);
            OpenQuestions(f.OpenQuestions);
            FinanceCategories(f.FinanceCategories);
            KeyFigures(f.KeyFigures);

            if (f.AmountPerPupil < 0) Add("amountPerPupil", "Het bedrag per leerling mag niet negatief zijn.");
            else if (f.AmountPerPupil > MaxAmountPerPupil) Add("amountPerPupil", $"Het bedrag per leerling is onwaarschijnlijk hoog (meer dan {MaxAmountPerPupil.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} euro).");

            Rules(f.Rules, levelValues);
        }

        /// <summary>The aspect keys in their order, for checking (and naming) the aspects a domain refers to.</summary>
        private static List<string> AspectKeys(List<AspectDefinition>? aspects) =>
            (aspects ?? []).Where(a => a is not null && !string.IsNullOrEmpty(a.Key)).Select(a => a.Key).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>Checks the scale; returns its values (empty when the scale itself is unusable).</summary>
        private List<int> Levels(List<LevelDefinition>? levels)
        {
            if (!ListPresent("levels", levels)) return [];
            if (levels!.Count < MinLevels) Add("levels", $"Er zijn minstens {MinLevels} niveaus nodig; er {(levels.Count == 1 ? "is er 1" : $"zijn er {levels.Count}")}.");
            if (levels.Count > MaxLevels) Add("levels", $"Er zijn hoogstens {MaxLevels} niveaus mogelijk; er zijn er {levels.Count}.");

            var seen = new Dictionary<int, int>();
            for (var i = 0; i < levels.Count; i++)
            {
                var place = $"levels[{i}]";
                var level = levels[i];
                if (level is null)
                {
                    Add(place, "Dit niveau is leeg.");
                    continue;
                }

                if (level.Value < 0) Add($"{place}.value", $"De waarde {level.Value} is negatief; gebruik 0 of hoger.");
                if (!seen.TryAdd(level.Value, i)) Add($"{place}.value", $"Niveau {level.Value} komt twee keer voor (ook bij levels[{seen[level.Value]}]).");
                RequiredText($"{place}.label", level.Label, MaxNameLength, $"De naam van niveau {level.Value} ontbreekt.");
                OptionalText($"{place}.description", level.Description, MaxTextLength);
            }

            var values = levels.Where(l => l is not null).Select(l => l.Value).ToList();
            if (values.Count > 0 && seen.Count == values.Count)
            {
                for (var i = 1; i < values.Count; i++)
                {
                    if (values[i] == values[0] + i) continue;
                    Add($"levels[{i}].value",
                        $"De niveaus moeten oplopen zonder gaten (zoals 1, 2, 3, 4): na {values[i - 1]} wordt {values[i - 1] + 1} verwacht, maar er staat {values[i]}.");
                    break;
                }
            }

            return values;
        }

        private void Aspects(List<AspectDefinition>? aspects, IReadOnlyList<int> levels)
        {
            if (!ListPresent("aspects", aspects)) return;
            if (aspects!.Count == 0) Add("aspects", "Er is minstens één aspect nodig, zoals expertise of aanbod.");
            var keys = new KeySet();
            for (var i = 0; i < aspects.Count; i++)
            {
                var place = $"aspects[{i}]";
                var aspect = aspects[i];
                if (aspect is null)
                {
                    Add(place, "Dit aspect is leeg.");
                    continue;
                }

                Key(place, aspect.Key, keys);
                RequiredText($"{place}.name", aspect.Name, MaxNameLength, "De naam van het aspect ontbreekt.");
                OptionalText($"{place}.description", aspect.Description, MaxDescriptionLength);
                LevelDescriptions($"{place}.levelDescriptions", aspect.LevelDescriptions, levels);
            }
        }

        /// <summary>The level descriptions of an aspect, or of a domain for one aspect: each level of the scale at most once, with a text.</summary>
        private void LevelDescriptions(string place, List<LevelDescription>? descriptions, IReadOnlyList<int> levels)
        {
            if (!ListPresent(place, descriptions)) return;
            var described = new Dictionary<int, int>();
            for (var j = 0; j < descriptions!.Count; j++)
            {
                var descriptionPlace = $"{place}[{j}]";
                var description = descriptions[j];
                if (description is null)
                {
                    Add(descriptionPlace, "Deze niveaubeschrijving is leeg.");
                    continue;
                }

                if (levels.Count > 0 && !levels.Contains(description.Level))
                {
                    Add($"{descriptionPlace}.level", $"Niveau {description.Level} bestaat niet in de niveauschaal ({levels.Min()} t/m {levels.Max()}).");
                }
                else if (!described.TryAdd(description.Level, j))
                {
                    Add($"{descriptionPlace}.level", $"Voor niveau {description.Level} staat al een beschrijving (bij levelDescriptions[{described[description.Level]}]).");
                }

                RequiredText($"{descriptionPlace}.text", description.Text, MaxDescriptionLength, $"De beschrijving van niveau {description.Level} ontbreekt.");
            }
        }

        private void Domains(List<DomainDefinition>? domains, IReadOnlyList<string> aspectKeys, IReadOnlyList<int> levels)
        {
            if (!ListPresent("domains", domains)) return;
            if (domains!.Count == 0) Add("domains", "Er is minstens één domein nodig, zoals taal en lezen.");
            var keys = new KeySet();
            for (var i = 0; i < domains.Count; i++)
            {
                var place = $"domains[{i}]";
                var domain = domains[i];
                if (domain is null)
                {
                    Add(place, "Dit domein is leeg.");
                    continue;
                }

                Key(place, domain.Key, keys);
                RequiredText($"{place}.name", domain.Name, MaxNameLength, "De naam van het domein ontbreekt.");
                OptionalText($"{place}.description", domain.Description, MaxDescriptionLength);
                if (ListPresent($"{place}.examples", domain.Examples))
                {
                    for (var j = 0; j < domain.Examples.Count; j++)
                    {
                        RequiredText($"{place}.examples[{j}]", domain.Examples[j], MaxTextLength, "Dit voorbeeld is leeg.");
                    }
                }

                AspectLevelDescriptions(place, domain.AspectLevelDescriptions, aspectKeys, levels);
            }
        }

        /// <summary>A domain's own level descriptions: optional; each for an aspect of the framework, at most once per domain.</summary>
        private void AspectLevelDescriptions(string domainPlace, List<AspectLevelDescriptions>? overrides, IReadOnlyList<string> aspectKeys, IReadOnlyList<int> levels)
        {
            if (overrides is null) return;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < overrides.Count; j++)
            {
                var place = $"{domainPlace}.aspectLevelDescriptions[{j}]";
                var entry = overrides[j];
                if (entry is null)
                {
                    Add(place, "Deze niveaubeschrijvingen zijn leeg.");
                    continue;
                }

                if (string.IsNullOrEmpty(entry.Aspect))
                {
                    Add($"{place}.aspect", "Het aspect ontbreekt: vul de sleutel van een aspect in, zoals 'expertise'.");
                }
                else if (!aspectKeys.Contains(entry.Aspect))
                {
                    Add($"{place}.aspect", $"Het aspect '{entry.Aspect}' bestaat niet in dit kader"
                                           + (aspectKeys.Count > 0 ? $" (wel: {string.Join(", ", aspectKeys)})." : "."));
                }
                else if (!seen.TryAdd(entry.Aspect, j))
                {
                    Add($"{place}.aspect", $"Het aspect '{entry.Aspect}' komt twee keer voor in dit domein (ook bij {domainPlace}.aspectLevelDescriptions[{seen[entry.Aspect]}]).");
                }

                LevelDescriptions($"{place}.levelDescriptions", entry.LevelDescriptions, levels);
            }
        }

        private void ChangeCapacity(List<StatementDefinition>? statements)
        {
            if (!ListPresent("changeCapacity", statements)) return;
            var keys = new KeySet();
            for (var i = 0; i < statements!.Count; i++)
            {
                var place = $"changeCapacity[{i}]";
                var statement = statements[i];
                if (statement is null)
                {
                    Add(place, "Deze stelling is leeg.");
                    continue;
                }

                Key(place, statement.Key, keys);
                RequiredText($"{place}.text", statement.Text, MaxTextLength, "De tekst van de stelling ontbreekt.");
            }
        }

        private void Agreements(List<AgreementDefinition>? agreements)
        {
            if (!ListPresent("agreements", agreements)) return;
            var keys = new KeySet();
            var numbers = new Dictionary<int, int>();
            for (var i = 0; i < agreements!.Count; i++)
            {
                var place = $"agreements[{i}]";
                var agreement = agreements[i];
                if (agreement is null)
                {
                    Add(place, "Deze afspraak is leeg.");
                    continue;
                }

                if (agreement.Number <= 0) Add($"{place}.number", $"Het nummer moet groter dan 0 zijn; er staat {agreement.Number}.");
                else if (!numbers.TryAdd(agreement.Number, i)) Add($"{place}.number", $"Afspraak nummer {agreement.Number} komt twee keer voor (ook bij agreements[{numbers[agreement.Number]}]).");
                Key(place, agreement.Key, keys);
                RequiredText($"{place}.text", agreement.Text, MaxTextLength, "De tekst van de afspraak ontbreekt.");
                OptionalText($"{place}.category", agreement.Category, MaxNameLength);
            }
        }

        private void Offering(List<OfferingGroupDefinition>? groups)
        {
            if (!ListPresent("offeringGroups", groups)) return;
            var groupKeys = new KeySet();
            // Item keys are unique across groups: an answer refers to an item by its key alone.
            var itemKeys = new KeySet();
            for (var i = 0; i < groups!.Count; i++)
            {
                var place = $"offeringGroups[{i}]";
                var group = groups[i];
                if (group is null)
                {
                    Add(place, "Deze aanbodgroep is leeg.");
                    continue;
                }

                Key(place, group.Key, groupKeys);
                RequiredText($"{place}.name", group.Name, MaxNameLength, "De naam van de aanbodgroep ontbreekt.");
                if (!Enum.IsDefined(group.Kind)) Add($"{place}.kind", $"Onbekende soort {(int)group.Kind}; kies expertise, intervention, facility of partner.");
                if (!ListPresent($"{place}.items", group.Items)) continue;
                for (var j = 0; j < group.Items.Count; j++)
                {
                    var itemPlace = $"{place}.items[{j}]";
                    var item = group.Items[j];
                    if (item is null)
                    {
                        Add(itemPlace, "Dit onderdeel van het aanbod is leeg.");
                        continue;
                    }

                    Key(itemPlace, item.Key, itemKeys, " in het aanbod");
                    RequiredText($"{itemPlace}.name", item.Name, MaxNameLength, "De naam van het onderdeel ontbreekt.");
                    OptionalText($"{itemPlace}.quantityUnit", item.QuantityUnit, MaxUnitLength);
                }
            }
        }

        private void OpenQuestions(List<OpenQuestionDefinition>? questions)
        {
            if (!ListPresent("openQuestions", questions)) return;
            var keys = new KeySet();
            for (var i = 0; i < questions!.Count; i++)
            {
                var place = $"openQuestions[{i}]";
                var question = questions[i];
                if (question is null)
                {
                    Add(place, "Deze vraag is leeg.");
                    continue;
                }

                Key(place, question.Key, keys);
                RequiredText($"{place}.title", question.Title, MaxNameLength, "De titel van de vraag ontbreekt.");
                OptionalText($"{place}.help", question.Help, MaxDescriptionLength);
                Between($"{place}.maxLength", question.MaxLength, MinAnswerLength, MaxAnswerLength);
            }
        }

        private void FinanceCategories(List<FinanceCategoryDefinition>? categories)
        {
            if (!ListPresent("financeCategories", categories)) return;
            var keys = new KeySet();
            for (var i = 0; i < categories!.Count; i++)
            {
                var place = $"financeCategories[{i}]";
                var category = categories[i];
                if (category is null)
                {
                    Add(place, "Deze uitgavenpost is leeg.");
                    continue;
                }

                Key(place, category.Key, keys);
                RequiredText($"{place}.name", category.Name, MaxNameLength, "De naam van de uitgavenpost ontbreekt.");
            }
        }

        private void KeyFigures(List<KeyFigureDefinition>? figures)
        {
            if (!ListPresent("keyFigures", figures)) return;
            var keys = new KeySet();
            for (var i = 0; i < figures!.Count; i++)
            {
                var place = $"keyFigures[{i}]";
                var figure = figures[i];
                if (figure is null)
                {
                    Add(place, "Dit kengetal is leeg.");
                    continue;
                }

                Key(place, figure.Key, keys);
                RequiredText($"{place}.name", figure.Name, MaxNameLength, "De naam van het kengetal ontbreekt.");
                OptionalText($"{place}.unit", figure.Unit, MaxUnitLength);
            }
        }

        private void Rules(ExplanationRules? rules, List<int> levels)
        {
            if (rules is null)
            {
                Add("rules", "De regels voor de toelichting ontbreken.");
                return;
            }

            if (levels.Count > 0 && !levels.Contains(rules.RequiredAtOrBelowLevel))
            {
                Add("rules.requiredAtOrBelowLevel", $"Niveau {rules.RequiredAtOrBelowLevel} valt buiten de niveauschaal ({levels.Min()} t/m {levels.Max()}).");
            }

            Between("rules.maxLength", rules.MaxLength, MinExplanationLength, MaxExplanationLength);
        }

        private bool ListPresent<T>(string place, List<T>? list)
        {
            if (list is not null) return true;
            Add(place, "Deze lijst ontbreekt; gebruik [] voor een lege lijst.");
            return false;
        }

        private void Key(string place, string? key, KeySet keys, string where = "")
        {
            place += ".key";
            if (string.IsNullOrEmpty(key))
            {
                Add(place, "De sleutel ontbreekt.");
            }
            else if (!IsValidKey(key))
            {
                Add(place, key.Length > MaxKeyLength
                    ? $"De sleutel '{key}' is te lang: {key.Length} tekens, maximaal {MaxKeyLength}."
                    : $"De sleutel '{key}' is ongeldig: gebruik alleen kleine letters a-z, cijfers en losse streepjes, zoals 'taal-lezen'.");
            }
            else if (keys.FirstPlaceOf(key, place) is { } first)
            {
                Add(place, $"De sleutel '{key}' komt twee keer voor{where} (ook bij {first}).");
            }
        }

        private void RequiredText(string place, string? text, int maxLength, string missing)
        {
            if (string.IsNullOrWhiteSpace(text)) Add(place, missing);
            else TooLong(place, text, maxLength);
        }

        private void OptionalText(string place, string? text, int maxLength)
        {
            if (text is not null) TooLong(place, text, maxLength);
        }

        private void TooLong(string place, string text, int maxLength)
        {
            if (text.Length > maxLength) Add(place, $"De tekst is te lang: {text.Length} tekens, maximaal {maxLength}.");
        }

        private void Between(string place, int value, int min, int max)
        {
            if (value < min || value > max) Add(place, $"De maximale lengte moet tussen {min} en {max} tekens liggen; er staat {value}.");
        }
    }

    /// <summary>Remembers where each key was first seen, to name both places of a duplicate.</summary>
    private sealed class KeySet
    {
        private readonly Dictionary<string, string> _places = new(StringComparer.Ordinal);

        public string? FirstPlaceOf(string key, string place) =>
            _places.TryAdd(key, place[..place.LastIndexOf('.')]) ? null : _places[key];
    }
}
