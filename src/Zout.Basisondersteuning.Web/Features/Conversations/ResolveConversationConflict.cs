using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Shared;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Conversations;

/// <summary>
/// Someone else saved the conversation while the user was editing it. The user sees their own and the stored value
/// of every part that differs (the shared <see cref="ConflictChoice"/>) and chooses per part; the result is saved
/// against the stored version and meets the same rules as any edit.
/// </summary>
public static class ResolveConversationConflict
{
    public const string KeepMine = "mijn";
    public const string KeepStored = "opgeslagen";

    private const string DifferencesKey = "differences";

    public sealed class Input
    {
        /// <summary>The user's values; <c>Mine.Version</c> is the stored version the choice was made against.</summary>
        public ConversationForm.Input Mine { get; set; } = new();

        /// <summary>Per part: <see cref="KeepMine"/> or <see cref="KeepStored"/>.</summary>
        public Dictionary<string, string> Choices { get; set; } = [];
    }

    public sealed record Difference(string Field, string Label, string MineText, string StoredText)
    {
        public string ChoiceName => $"Choices[{Field}]";
        public string ChoiceId => $"Choices_{Field}_";
    }

    /// <summary>How the values read, for showing both sides: names of users, domains, aspects and development points.</summary>
    public sealed record Names(IReadOnlyDictionary<string, string> Users, Func<string, string> Domain, Func<string, string> Aspect, IReadOnlyDictionary<int, string> Points);

    private sealed record Field(string Name, string Label, Func<ConversationValues, Names, string> Show, Func<ConversationValues, ConversationValues, ConversationValues> Take);

    private static readonly Field[] Fields =
    [
        new("Date", "Datum", (v, _) => DutchCalendar.Format(v.Date), (to, from) => to with { Date = from.Date }),
        new("Kind", "Soort gesprek", (v, _) => v.Kind.ToDutch(), (to, from) => to with { Kind = from.Kind }),
        new("Participants", "Deelnemers", ShowParticipants, (to, from) => to with { ParticipantUserIds = from.ParticipantUserIds, Others = from.Others }),
        new("Topics", "Besproken", ShowTopics, (to, from) => to with { Domains = from.Domains, Aspects = from.Aspects, Points = from.Points }),
        new("Summary", "Verslag", (v, _) => v.Summary, (to, from) => to with { Summary = from.Summary }),
        new("Agreements", "Afspraken", (v, _) => ShowAgreements(v), (to, from) => to with { Agreements = from.Agreements }),
        new("NextDate", "Volgend gesprek", (v, _) => DutchCalendar.Format(v.NextDate, "(geen)"), (to, from) => to with { NextDate = from.NextDate }),
    ];

    /// <summary>The parts that differ between the user's and the stored values, in form order.</summary>
    public static IReadOnlyList<Difference> Differences(ConversationValues mine, ConversationValues stored, Names names) =>
        Fields.Select(f => (Field: f, Mine: f.Show(mine, names), Stored: f.Show(stored, names)))
            .Where(x => x.Mine != x.Stored)
            .Select(x => new Difference(x.Field.Name, x.Field.Label, x.Mine, x.Stored))
            .ToList();

    /// <summary>The stored values with the parts the user chose to keep as theirs.</summary>
    public static ConversationValues Merge(ConversationValues mine, ConversationValues stored, IReadOnlyDictionary<string, string> choices) =>
        Fields.Aggregate(stored, (merged, field) => choices.TryGetValue(field.Name, out var choice) && choice == KeepMine ? field.Take(merged, mine) : merged);

    private static string ShowParticipants(ConversationValues v, Names names)
    {
        var people = v.ParticipantUserIds.Select(id => names.Users.GetValueOrDefault(id, "(onbekende gebruiker)"))
            .Concat(v.Others.Select(o => o.Role is null ? o.Name : $"{o.Name} ({o.Role})")).ToList();
        return people.Count == 0 ? "(geen)" : string.Join("\n", people);
    }

    private static string ShowTopics(ConversationValues v, Names names)
    {
        var topics = v.Domains.Select(names.Domain).Concat(v.Aspects.Select(names.Aspect))
            .Concat(v.Points.Select(p => "Ontwikkelpunt: " + names.Points.GetValueOrDefault(p, p.ToString(CultureInfo.InvariantCulture)))).ToList();
        return topics.Count == 0 ? "(niets gekozen)" : string.Join("\n", topics);
    }

    private static string ShowAgreements(ConversationValues v) =>
        v.Agreements.Count == 0
            ? "(geen afspraken)"
            : string.Join("\n", v.Agreements.Select(a =>
                $"{a.Action} – {a.Owner ?? "geen eigenaar"} – {DutchCalendar.Format(a.Deadline, "geen deadline")} – {a.Status.ToDutch().ToLowerInvariant()}"));

    public sealed record Model(string SchoolCode, FindConversation.Stored Stored, Input Input, IReadOnlyList<Difference> Differences)
    {
        public string Action => $"/school/{SchoolCode}/gesprekken/{Stored.Id}/conflict";

        /// <summary>The differing parts as the shared conflict form, nothing pre-chosen.</summary>
        public ConflictChoice Form => new(
            Action,
            Hidden(Input.Mine),
            Differences.Select(d => new ConflictChoice.Field(d.ChoiceName, d.ChoiceId, d.Label,
                new ConflictChoice.Option(KeepMine, d.MineText), new ConflictChoice.Option(KeepStored, d.StoredText),
                Input.Choices.GetValueOrDefault(d.Field), Key: null, d.Field)).ToList(),
            $"/school/{SchoolCode}/gesprekken/{Stored.Id}",
            "Annuleren en het opgeslagen verslag bekijken");

        public static Model For(string schoolCode, FindConversation.Stored stored, ConversationForm.Input mine, Names names, IReadOnlyDictionary<string, string>? choices = null)
        {
            var differences = ResolveConversationConflict.Differences(mine.ToValues(), stored.Values, names);
            var input = new Input
            {
                Mine = mine.ToValues().ToInput(stored.Version),
                Choices = (choices ?? new Dictionary<string, string>()).Where(c => differences.Any(d => d.Field == c.Key)).ToDictionary(c => c.Key, c => c.Value),
            };
            return new Model(schoolCode, stored, input, differences);
        }
    }

    /// <summary>The user's values as hidden fields under "Mine.", so the choice can be posted back with them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Hidden(ConversationForm.Input mine)
    {
        var fields = new List<KeyValuePair<string, string?>>
        {
            new("Mine.Version", mine.Version.ToString(CultureInfo.InvariantCulture)),
            new("Mine.Date", mine.Date),
            new("Mine.Kind", mine.Kind?.ToString()),
            new("Mine.NextDate", mine.NextDate),
            new("Mine.Summary", mine.Summary),
        };
        fields.AddRange(mine.ParticipantUserIds.Select(id => new KeyValuePair<string, string?>("Mine.ParticipantUserIds", id)));
        for (var i = 0; i < mine.Others.Count; i++)
        {
            fields.Add(new($"Mine.Others[{i}].Name", mine.Others[i].Name));
            fields.Add(new($"Mine.Others[{i}].Role", mine.Others[i].Role));
        }

        fields.AddRange(mine.Domains.Select(k => new KeyValuePair<string, string?>("Mine.Domains", k)));
        fields.AddRange(mine.Aspects.Select(k => new KeyValuePair<string, string?>("Mine.Aspects", k)));
        fields.AddRange(mine.Points.Select(p => new KeyValuePair<string, string?>("Mine.Points", p.ToString(CultureInfo.InvariantCulture))));
        for (var i = 0; i < mine.Agreements.Count; i++)
        {
            var a = mine.Agreements[i];
            fields.Add(new($"Mine.Agreements[{i}].Id", a.Id?.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new($"Mine.Agreements[{i}].Action", a.Action));
            fields.Add(new($"Mine.Agreements[{i}].Owner", a.Owner));
            fields.Add(new($"Mine.Agreements[{i}].Deadline", a.Deadline));
            fields.Add(new($"Mine.Agreements[{i}].Status", a.Status?.ToString()));
        }

        return fields;
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Choices).Custom((choices, context) =>
            {
                var differences = context.RootContextData.TryGetValue(DifferencesKey, out var value) && value is IReadOnlyList<Difference> list
                    ? list
                    : throw new InvalidOperationException("Validate a conflict resolution with ResolveConversationConflict.ValidateAsync.");
                foreach (var difference in differences)
                {
                    if (choices.GetValueOrDefault(difference.Field) is not (KeepMine or KeepStored))
                    {
                        context.AddFailure(new ValidationFailure(difference.ChoiceName, $"Kies bij '{difference.Label}' welke versie u wilt bewaren."));
                    }
                }
            });
        }
    }

    public static Task<ValidationResult> ValidateAsync(this IValidator<Input> validator, Input input, IReadOnlyList<Difference> differences, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<Input>(input);
        context.RootContextData[DifferencesKey] = differences;
        return validator.ValidateAsync(context, cancellationToken);
    }
}
