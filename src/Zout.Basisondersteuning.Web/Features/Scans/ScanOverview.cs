using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>The scan at a glance: per section what is done and what is still required, and the workflow.</summary>
public static class ScanOverview
{
    public sealed record SectionStatus(
        SectionDefinition Section,
        bool IsComplete,
        IReadOnlyList<string> Missing,
        bool Started,
        bool ConfirmedUnchanged,
        int ToReview,
        DateTimeOffset? SavedAt,
        string? SavedBy);

    public sealed record Page(
        ScanContext Context,
        IReadOnlyList<SectionStatus> Sections,
        IReadOnlyList<ScanTransition> Transitions,
        int ChangedCount)
    {
        public int CompleteCount => Sections.Count(s => s.IsComplete);
        public bool IsComplete => CompleteCount == Sections.Count;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> BuildAsync(ScanContext context, CancellationToken cancellationToken)
        {
            var sections = await SectionsAsync(context, cancellationToken);
            var scanId = context.Scan?.Id;
            var transitions = scanId is null
                ? []
                : await db.ScanTransitions.AsNoTracking().Where(t => t.ScanId == scanId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
            var changed = scanId is null ? 0 : await db.ScanAnswers.CountAsync(a => a.ScanId == scanId && (a.Origin == AnswerOrigin.Changed || a.Origin == AnswerOrigin.New), cancellationToken);
            return new Page(context, sections, transitions, changed);
        }

        public async Task<IReadOnlyList<SectionStatus>> SectionsAsync(ScanContext context, CancellationToken cancellationToken)
        {
            var scanId = context.Scan?.Id;
            var answers = scanId is null
                ? []
                : await db.ScanAnswers.AsNoTracking().Where(a => a.ScanId == scanId).ToListAsync(cancellationToken);
            var rows = scanId is null
                ? []
                : await db.ScanSections.AsNoTracking().Where(s => s.ScanId == scanId).ToDictionaryAsync(s => s.Key, cancellationToken);
            var byKey = answers.ToDictionary(a => a.ItemKey, StringComparer.Ordinal);

            return context.Sections.Select(section =>
            {
                var row = rows.GetValueOrDefault(section.Key);
                var saved = row?.SavedAt is not null || row?.ConfirmedUnchanged == true;
                var keys = ScanLayout.ItemKeys(context.Framework, section);
                var toReview = keys.Count(k => byKey.TryGetValue(k, out var a) && a.Origin == AnswerOrigin.CarriedOver);
                var check = SectionCompleteness.Evaluate(context.Framework, section, byKey, saved);
                var missing = check.Missing.ToList();
                if (!saved && toReview > 0) missing.Insert(0, "Overgenomen van vorig jaar: controleer en sla op, of bevestig dat het ongewijzigd is");
                else if (!saved && missing.Count == 0) missing.Add("Nog niet opgeslagen");
                return new SectionStatus(section, saved && check.IsComplete, missing, saved, row?.ConfirmedUnchanged ?? false, toReview, row?.SavedAt, row?.SavedBy);
            }).ToList();
        }
    }
}
