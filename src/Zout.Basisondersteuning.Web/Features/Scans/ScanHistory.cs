using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

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
