using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Human names for answer keys and fields, for the audit trail and the list of changes.</summary>
public static class ScanLabels
{
    public static string Item(FrameworkDefinition framework, string itemKey)
    {
        var parts = itemKey.Split(':');
        string? label = parts[0] switch
        {
            "d" when parts.Length == 3 => $"{framework.Domains.FirstOrDefault(d => d.Key == parts[1])?.Name ?? parts[1]} – {framework.Aspects.FirstOrDefault(a => a.Key == parts[2])?.Name ?? parts[2]}",
            "cc" => "Verandercapaciteit: " + framework.ChangeCapacity.FirstOrDefault(s => s.Key == parts[1])?.Text,
            "a" => framework.Agreements.FirstOrDefault(a => a.Key == parts[1]) is { } a ? $"Afspraak {a.Number}: {a.Text}" : null,
            "o" => "Aanbod: " + framework.OfferingItems.FirstOrDefault(i => i.Key == parts[1])?.Name,
            "q" => framework.QuestionTitle(parts[1]),
            "f" when parts[1] == "evaluation" => "Financiën: evaluatie",
            "f" => "Financiën: " + framework.FinanceCategories.FirstOrDefault(c => c.Key == parts[1])?.Name,
            "k" => "Kengetal: " + framework.KeyFigures.FirstOrDefault(k => k.Key == parts[1])?.Name,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(label) ? itemKey : label;
    }

    public static string Field(string field) => field switch
    {
        nameof(ScanAnswer.Level) => "niveau",
        nameof(ScanAnswer.TargetLevel) => "streefniveau",
        nameof(ScanAnswer.Text) => "toelichting",
        nameof(ScanAnswer.Number) => "getal",
        nameof(ScanAnswer.Checked) => "aanwezig",
        _ => field,
    };

    private static string? QuestionTitle(this FrameworkDefinition framework, string key) =>
        framework.OpenQuestions.FirstOrDefault(q => q.Key == key)?.Title;
}
