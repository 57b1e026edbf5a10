using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

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
            if (SectionKindDescriptor.FieldsOf(framework, answer.ItemKey).Checked) parts.Add(answer.Checked ? "aanwezig" : "niet aanwezig");
            if (answer.Number is not null) parts.Add(DutchNumber.Format(answer.Number)!);
            if (!string.IsNullOrWhiteSpace(answer.Text)) parts.Add($"\u201c{answer.Text.Trim()}\u201d");
            return string.Join("; ", parts);
        }
    }
}
