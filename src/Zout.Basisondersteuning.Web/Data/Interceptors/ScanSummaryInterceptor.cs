using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Keeps <see cref="ScanSummary"/> up to date: after every save that touched a scan, one of its answers or
/// one of its sections, the summaries of those scans are rebuilt. Whoever writes a scan (the form, the
/// workflow, carry-over, seeding, imports) thereby keeps the dashboards right without knowing about them.
/// </summary>
public sealed class ScanSummaryInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<object>> _touched = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakeScanIds(eventData.Context) is { Count: > 0 } ids)
        {
            ScanSummaryWriter.RebuildAsync((AppDbContext)eventData.Context!, ids, CancellationToken.None).GetAwaiter().GetResult();
        }

        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakeScanIds(eventData.Context) is { Count: > 0 } ids)
        {
            await ScanSummaryWriter.RebuildAsync((AppDbContext)eventData.Context!, ids, cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _touched.Remove(context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _touched.Remove(context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Collect(DbContext? context)
    {
        if (context is not AppDbContext) return;
        var touched = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is Scan or ScanAnswer or ScanSection)
            .Select(e => e.Entity)
            .ToList();
        if (touched.Count == 0) return;
        _touched.AddOrUpdate(context, touched);
    }

    private HashSet<int>? TakeScanIds(DbContext? context)
    {
        if (context is null || !_touched.TryGetValue(context, out var touched)) return null;
        _touched.Remove(context);
        var ids = new HashSet<int>();
        foreach (var entity in touched)
        {
            var id = entity switch
            {
                Scan scan => scan.Id,
                ScanAnswer answer => answer.ScanId,
                ScanSection section => section.ScanId,
                _ => 0,
            };
            if (id > 0) ids.Add(id);
        }

        return ids;
    }
}

/// <summary>Rebuilds the summaries of some scans from their stored answers.</summary>
public static class ScanSummaryWriter
{
    private const int BatchSize = 400;

    public static async Task RebuildAsync(AppDbContext db, IReadOnlyCollection<int> scanIds, CancellationToken cancellationToken)
    {
        foreach (var batch in scanIds.Chunk(BatchSize))
        {
            var scans = await db.Scans.AsNoTracking()
                .Where(s => batch.Contains(s.Id))
                .Select(s => new { s.Id, s.SchoolId, s.SchoolYearId, s.Status })
                .ToListAsync(cancellationToken);
            var answers = (await db.ScanAnswers.AsNoTracking()
                    .Where(a => batch.Contains(a.ScanId))
                    .Where(a => a.ItemKey.StartsWith("d:") || a.ItemKey.StartsWith("o:") || a.ItemKey.StartsWith("f:"))
                    .Select(a => new ScanAnswer { ScanId = a.ScanId, ItemKey = a.ItemKey, Level = a.Level, Checked = a.Checked, Number = a.Number })
                    .ToListAsync(cancellationToken))
                .ToLookup(a => a.ScanId);
            var stamp = (await db.ScanSummaries.MaxAsync(s => (long?)s.Stamp, cancellationToken) ?? 0) + 1;

            await db.ScanSummaries.Where(s => batch.Contains(s.ScanId)).ExecuteDeleteAsync(cancellationToken);
            // A stamp per row, so readers asking "what changed since my last stamp" get only the newest row.
            var summaries = scans.Select((s, i) =>
            {
                var summary = ScanSummary.From(s.Id, s.SchoolId, s.SchoolYearId, s.Status, answers[s.Id]);
                summary.Stamp = stamp + i;
                return summary;
            }).ToList();
            db.ScanSummaries.AddRange(summaries);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var summary in summaries) db.Entry(summary).State = EntityState.Detached;
        }
    }
}
