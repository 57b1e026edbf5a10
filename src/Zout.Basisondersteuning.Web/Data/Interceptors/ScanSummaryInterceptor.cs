using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Keeps <see cref="ScanSummary"/> up to date: after every save that changed something a summary is made of (a scan's
/// status, school or year; an answer's key, level, tick or number; an added or removed scan or answer), the summaries of
/// those scans are rebuilt. Whoever writes a scan (the form, the workflow, carry-over, seeding, imports) thereby keeps
/// the dashboards right without knowing about them. The rebuild raises the scan-summaries counter; this process's
/// requests read the stamps again after it (<see cref="LocalChanges"/>).
/// </summary>
public sealed class ScanSummaryInterceptor(LocalChanges localChanges) : AfterSaveInterceptor<List<object>>
{
    /// <summary>The scans and answers whose change the summaries show (an added scan gets its id only during the save).</summary>
    protected override List<object>? Collect(AppDbContext context)
    {
        List<object>? touched = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (ChangesASummary(entry)) (touched ??= []).Add(entry.Entity);
        }

        return touched;
    }

    /// <summary>
    /// Whether the change can alter what <see cref="ScanSummary.From"/> makes. A text, a target level, an answer's origin
    /// or a section's state never shows in a summary: a save of only those (most saves of a scan that was filled in
    /// before) leaves the summaries and their stamps, which key the dashboards' kept figures, as they are. Skipping the
    /// rebuild then takes its six statements out of the save's write transaction (issue 15).
    /// </summary>
    public static bool ChangesASummary(EntityEntry entry) => entry.State switch
    {
        EntityState.Added or EntityState.Deleted => entry.Entity is Scan or ScanAnswer,
        EntityState.Modified => entry.Entity switch
        {
            Scan => AnyModified(entry, nameof(Scan.Status), nameof(Scan.SchoolId), nameof(Scan.SchoolYearId)),
            ScanAnswer => AnyModified(entry, nameof(ScanAnswer.ScanId), nameof(ScanAnswer.ItemKey), nameof(ScanAnswer.Level), nameof(ScanAnswer.Checked), nameof(ScanAnswer.Number)),
            _ => false,
        },
        _ => false,
    };

    private static bool AnyModified(EntityEntry entry, params ReadOnlySpan<string> properties)
    {
        foreach (var property in properties)
        {
            if (entry.Property(property).IsModified) return true;
        }

        return false;
    }

    protected override async Task AfterSaveAsync(AppDbContext context, List<object> note, CancellationToken cancellationToken)
    {
        var ids = new HashSet<int>();
        foreach (var entity in note)
        {
            var id = entity switch
            {
                Scan scan => scan.Id,
                ScanAnswer answer => answer.ScanId,
                _ => 0,
            };
            if (id > 0) ids.Add(id);
        }

        if (ids.Count == 0) return;
        await ScanSummaryWriter.RebuildAsync(context, ids, cancellationToken);
        localChanges.Raised();
    }
}

/// <summary>Rebuilds the summaries of some scans from their stored answers.</summary>
public static class ScanSummaryWriter
{
    private const int BatchSize = 400;

    private sealed record ScanRow(int Id, int SchoolId, int SchoolYearId, ScanStatus Status);

    /// <summary>The scans of a batch, compiled once: every section save rebuilds its scan's summary (issue 15).</summary>
    private static readonly Func<AppDbContext, int[], IAsyncEnumerable<ScanRow>> ScansQuery =
        EF.CompileAsyncQuery((AppDbContext db, int[] batch) =>
            db.Scans.AsNoTracking().Where(s => batch.Contains(s.Id)).Select(s => new ScanRow(s.Id, s.SchoolId, s.SchoolYearId, s.Status)));

    /// <summary>The answers a summary is made of, compiled once.</summary>
    private static readonly Func<AppDbContext, int[], IAsyncEnumerable<ScanAnswer>> AnswersQuery =
        EF.CompileAsyncQuery((AppDbContext db, int[] batch) =>
            db.ScanAnswers.AsNoTracking()
                .Where(a => batch.Contains(a.ScanId))
                .Where(a => a.ItemKey.StartsWith(ItemKey.DomainPrefix) || a.ItemKey.StartsWith(ItemKey.OfferingPrefix) || a.ItemKey.StartsWith(ItemKey.FinancePrefix)
                            || a.ItemKey.StartsWith(ItemKey.AgreementPrefix) || a.ItemKey.StartsWith(ItemKey.ChangeCapacityPrefix) || a.ItemKey.StartsWith(ItemKey.KeyFigurePrefix))
                .Select(a => new ScanAnswer { ScanId = a.ScanId, ItemKey = a.ItemKey, Level = a.Level, Checked = a.Checked, Number = a.Number }));

    /// <summary>
    /// Per batch, one transaction (the caller's, when it has one): raise the stamp counter first (which locks
    /// it until commit), then read the answers, then replace the summaries. So stamps become visible in the
    /// order they were handed out, the summary with the higher stamp was read later, and readers never see a
    /// scan without its summary.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, IReadOnlyCollection<int> scanIds, CancellationToken cancellationToken)
    {
        foreach (var batch in scanIds.Chunk(BatchSize))
        {
            if (db.Database.CurrentTransaction is not null)
            {
                await RebuildBatchAsync(db, batch, cancellationToken);
                continue;
            }

            await db.InTransactionAsync(async ct =>
            {
                await RebuildBatchAsync(db, batch, ct);
                return true;
            }, cancellationToken);
        }
    }

    private static async Task RebuildBatchAsync(AppDbContext db, int[] batch, CancellationToken cancellationToken)
    {
        // A database without the counter starts it above every stamp there is.
        var last = await ChangeCounters.RaiseAsync(db, ChangeCounter.ScanSummaries, batch.Length,
            async () => await db.ScanSummaries.MaxAsync(s => (long?)s.Stamp, cancellationToken) ?? 0, cancellationToken);
        var scans = await ScansQuery(db, batch).ToListAsync(cancellationToken);
        var answers = (await AnswersQuery(db, batch).ToListAsync(cancellationToken)).ToLookup(a => a.ScanId);

        await db.ScanSummaries.Where(s => batch.Contains(s.ScanId)).ExecuteDeleteAsync(cancellationToken);
        // A stamp per row, so readers asking "what changed since my last stamp" get only the newest row.
        var first = last - batch.Length + 1;
        var summaries = scans.Select((s, i) =>
        {
            var summary = ScanSummary.From(s.Id, s.SchoolId, s.SchoolYearId, s.Status, answers[s.Id]);
            summary.Stamp = first + i;
            return summary;
        }).ToList();
        db.ScanSummaries.AddRange(summaries);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var summary in summaries) db.Entry(summary).State = EntityState.Detached;
    }
}
