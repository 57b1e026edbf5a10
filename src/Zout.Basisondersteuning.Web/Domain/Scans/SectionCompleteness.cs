namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>What a section still needs before it is complete, in words the school understands.</summary>
public sealed record SectionCheck(bool IsComplete, IReadOnlyList<string> Missing);

public static class SectionCompleteness
{
    /// <summary>
    /// Each item that lacks what its <see cref="ItemFields.Required"/> asks for is reported, by name or counted
    /// over the section; a cell also needs the toelichting the framework's rule asks for.
    /// </summary>
    public static SectionCheck Evaluate(FrameworkDefinition framework, SectionDefinition section, IReadOnlyDictionary<string, ScanAnswer> answers, bool saved)
    {
        var descriptor = section.Descriptor;
        var items = descriptor.Items(framework, section);
        var missing = new List<string>();
        // Counted requirements are reported where their first open item stands.
        var counted = new List<(Requirement Requirement, int Position, int Count)>();

        foreach (var key in items)
        {
            var fields = descriptor.Fields(framework, key);
            var answer = answers.GetValueOrDefault(key);
            if (fields.Required is { } required && !required.IsMetBy(answer))
            {
                if (required.MissingMany is null)
                {
                    missing.Add($"{fields.Name}: {required.Missing}");
                    continue;
                }

                var index = counted.FindIndex(c => c.Requirement == required);
                if (index < 0) counted.Add((required, missing.Count, 1));
                else counted[index] = counted[index] with { Count = counted[index].Count + 1 };
            }
            else if (fields.ExplanationRule && NeedsExplanation(framework, answer?.Level, answer?.TargetLevel) && string.IsNullOrWhiteSpace(answer?.Text))
            {
                missing.Add($"{fields.Name}: toelichting ontbreekt");
            }
        }

        for (var i = counted.Count - 1; i >= 0; i--)
        {
            var (requirement, position, count) = counted[i];
            missing.Insert(position, $"{count} {(count == 1 ? requirement.Missing : requirement.MissingMany)}");
        }

        if (!saved && descriptor.SaveOnce is { } saveOnce && missing.Count == 0 && (items.Count > 0 || saveOnce.EvenWithoutItems))
        {
            missing.Add(saveOnce.Message);
        }

        return new SectionCheck(missing.Count == 0, missing);
    }

    /// <summary>The framework's rule: a toelichting is required for low levels and when a target is set.</summary>
    public static bool NeedsExplanation(FrameworkDefinition framework, int? level, int? targetLevel) =>
        (level is { } l && l <= framework.Rules.RequiredAtOrBelowLevel)
        || (targetLevel is not null && framework.Rules.RequiredForTarget);
}
