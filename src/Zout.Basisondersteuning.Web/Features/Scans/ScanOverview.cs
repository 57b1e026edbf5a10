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

/// <summary>What changed compared with last year's adopted scan, item by item.</summary>
public static class ScanChanges
{
    public sealed record Change(string Section, string Item, string LastYear, string ThisYear, AnswerOrigin? Origin);

    public sealed record Page(ScanContext Context, string? LastYearName, IReadOnlyList<Change> Changes, int Unchanged);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> BuildAsync(ScanContext context, CancellationToken cancellationToken)
        {
            var scanId = context.Scan?.Id;
            var previous = context.Scan?.CarriedOverFromScanId is { } previousId
                ? await db.Scans.AsNoTracking().Where(s => s.Id == previousId).Select(s => new { s.Id, s.SchoolYear.Name }).SingleOrDefaultAsync(cancellationToken)
                : null;
            var current = scanId is null ? [] : await db.ScanAnswers.AsNoTracking().Where(a => a.ScanId == scanId).ToDictionaryAsync(a => a.ItemKey, cancellationToken);
            var before = previous is null ? [] : await db.ScanAnswers.AsNoTracking().Where(a => a.ScanId == previous.Id).ToDictionaryAsync(a => a.ItemKey, cancellationToken);

            var changes = new List<Change>();
            var unchanged = 0;
            foreach (var section in context.Sections)
            {
                foreach (var key in ScanLayout.ItemKeys(context.Framework, section))
                {
                    var now = Describe(context.Framework, current.GetValueOrDefault(key));
                    var then = Describe(context.Framework, before.GetValueOrDefault(key));
                    if (now == then)
                    {
                        if (now.Length > 0) unchanged++;
                        continue;
                    }

                    changes.Add(new Change(section.Title, ScanLabels.Item(context.Framework, key), then, now, current.GetValueOrDefault(key)?.Origin));
                }
            }

            return new Page(context, previous?.Name, changes, unchanged);
        }

        /// <summary>One line per answer, the same way for both years, so equal text means no change.</summary>
        public static string Describe(FrameworkDefinition framework, ScanAnswer? answer)
        {
            if (answer is null) return "";
            var parts = new List<string>();
            if (answer.Level is not null) parts.Add($"niveau {answer.Level} ({framework.LevelLabel(answer.Level)})");
            if (answer.TargetLevel is not null) parts.Add($"streefniveau {answer.TargetLevel}");
            if (answer.ItemKey.StartsWith("o:", StringComparison.Ordinal)) parts.Add(answer.Checked ? "aanwezig" : "niet aanwezig");
            if (answer.Number is not null) parts.Add(DutchNumber.Format(answer.Number)!);
            if (!string.IsNullOrWhiteSpace(answer.Text)) parts.Add($"\u201c{answer.Text.Trim()}\u201d");
            return string.Join("; ", parts);
        }
    }
}

/// <summary>The audit trail of a scan: who changed which value when, old and new, and the workflow steps.</summary>
public static class ScanHistory
{
    public sealed record Entry(DateTimeOffset At, string By, string What, string? OldValue, string? NewValue);

    public sealed record Page(ScanContext Context, IReadOnlyList<Entry> Entries, IReadOnlyList<ScanTransition> Transitions);

    public sealed class Handler(AppDbContext db)
    {
        public const int MaxEntries = 1000;

        public async Task<Page> BuildAsync(ScanContext context, CancellationToken cancellationToken)
        {
            var scanId = context.Scan?.Id;
            if (scanId is null) return new Page(context, [], []);
            var entries = await db.ScanAuditEntries.AsNoTracking()
                .Where(e => e.ScanId == scanId)
                .OrderByDescending(e => e.Id)
                .Take(MaxEntries)
                .ToListAsync(cancellationToken);
            var transitions = await db.ScanTransitions.AsNoTracking().Where(t => t.ScanId == scanId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
            return new Page(context,
                entries.Select(e => new Entry(e.At, e.By, Describe(context, e), e.OldValue, e.NewValue)).ToList(),
                transitions);
        }

        private static string Describe(ScanContext context, ScanAuditEntry entry) => entry.Field switch
        {
            "Section" => $"Sectie {context.Sections.FirstOrDefault(s => s.Key == entry.ItemKey)?.Title ?? entry.ItemKey}",
            "EditableUntil" => "Scan opengezet voor deze school tot",
            _ => $"{ScanLabels.Item(context.Framework, entry.ItemKey)}: {ScanLabels.Field(entry.Field)}",
        };
    }
}
