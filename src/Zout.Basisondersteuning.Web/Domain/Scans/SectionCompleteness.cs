namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>What a section still needs before it is complete, in words the school understands.</summary>
public sealed record SectionCheck(bool IsComplete, IReadOnlyList<string> Missing);

public static class SectionCompleteness
{
    public static SectionCheck Evaluate(FrameworkDefinition framework, SectionDefinition section, IReadOnlyDictionary<string, ScanAnswer> answers, bool saved)
    {
        var missing = new List<string>();
        ScanAnswer? Get(string key) => answers.GetValueOrDefault(key);

        switch (section.Kind)
        {
            case SectionKind.Domain:
                foreach (var aspect in framework.Aspects)
                {
                    var answer = Get(ScanLayout.CellKey(section.Domain!.Key, aspect.Key));
                    if (answer?.Level is null) missing.Add($"{aspect.Name}: kies een niveau");
                    else if (NeedsExplanation(framework, answer.Level, answer.TargetLevel) && string.IsNullOrWhiteSpace(answer.Text))
                        missing.Add($"{aspect.Name}: toelichting ontbreekt");
                }

                break;
            case SectionKind.ChangeCapacity:
                var openStatements = framework.ChangeCapacity.Count(s => Get(ScanLayout.ChangeCapacityItem(s.Key))?.Level is null);
                if (openStatements > 0) missing.Add(Count(openStatements, "stelling zonder niveau", "stellingen zonder niveau"));
                break;
            case SectionKind.Agreements:
                var openAgreements = framework.Agreements.Count(a => Get(ScanLayout.AgreementItem(a.Key))?.Level is null);
                if (openAgreements > 0) missing.Add(Count(openAgreements, "afspraak zonder score", "afspraken zonder score"));
                break;
            case SectionKind.Offering:
                // Ticking nothing is a valid answer, but it must be given once.
                if (!saved) missing.Add("Geef aan wat de school aanbiedt en sla op");
                break;
            case SectionKind.OpenQuestions:
                missing.AddRange(framework.OpenQuestions
                    .Where(q => q.Required && string.IsNullOrWhiteSpace(Get(ScanLayout.QuestionItem(q.Key))?.Text))
                    .Select(q => $"{q.Title}: nog niet beantwoord"));
                break;
            case SectionKind.Finances:
                var openCategories = framework.FinanceCategories.Count(c => Get(ScanLayout.FinanceItem(c.Key))?.Number is null);
                if (openCategories > 0) missing.Add(Count(openCategories, "uitgavenpost zonder bedrag", "uitgavenposten zonder bedrag"));
                if (string.IsNullOrWhiteSpace(Get(ScanLayout.FinanceEvaluationKey)?.Text)) missing.Add("Evaluatie: wat is bereikt, ontbreekt");
                break;
            case SectionKind.KeyFigures:
                missing.AddRange(framework.KeyFigures
                    .Where(k => k.Required && Get(ScanLayout.KeyFigureItem(k.Key))?.Number is null)
                    .Select(k => $"{k.Name}: nog niet ingevuld"));
                if (!saved && framework.KeyFigures.Count > 0 && missing.Count == 0) missing.Add("Controleer de kengetallen en sla op");
                break;
        }

        return new SectionCheck(missing.Count == 0, missing);
    }

    /// <summary>The framework's rule: a toelichting is required for low levels and when a target is set.</summary>
    public static bool NeedsExplanation(FrameworkDefinition framework, int? level, int? targetLevel) =>
        (level is { } l && l <= framework.Rules.RequiredAtOrBelowLevel)
        || (targetLevel is not null && framework.Rules.RequiredForTarget);

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
