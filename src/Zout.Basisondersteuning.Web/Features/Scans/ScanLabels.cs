using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Human names for answer keys and fields, for the audit trail and the list of changes.</summary>
public static class ScanLabels
{
    public static string Item(FrameworkDefinition framework, string itemKey)
    {
        if (!ItemKey.TryParse(itemKey, out var key)) return itemKey;
        string? label = key.Kind switch
        {
            SectionKind.Domain => $"{framework.DomainName(key.Key)} – {framework.AspectName(key.Aspect!)}",
            SectionKind.ChangeCapacity => "Verandercapaciteit: " + framework.ChangeCapacity.ByKey(key.Key)?.Text,
            SectionKind.Agreements => framework.Agreements.ByKey(key.Key) is { } a ? $"Afspraak {a.Number}: {a.Text}" : null,
            SectionKind.Offering => "Aanbod: " + framework.OfferingItems.ByKey(key.Key)?.Name,
            SectionKind.OpenQuestions => framework.OpenQuestions.ByKey(key.Key)?.Title,
            SectionKind.Finances when key.IsFinanceEvaluation => "Financiën: evaluatie",
            SectionKind.Finances => "Financiën: " + framework.FinanceCategories.ByKey(key.Key)?.Name,
            SectionKind.KeyFigures => "Kengetal: " + framework.KeyFigures.ByKey(key.Key)?.Name,
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
}
