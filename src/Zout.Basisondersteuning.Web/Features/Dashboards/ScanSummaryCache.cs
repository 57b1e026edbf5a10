using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Interceptors;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>One scan's summary, parsed once.</summary>
public sealed class SummaryEntry
{
    public required int ScanId { get; init; }
    public required int SchoolId { get; init; }
    public required int SchoolYearId { get; init; }
    public required ScanStatus Status { get; init; }
    public required IReadOnlyDictionary<string, int> Levels { get; init; }
    public required IReadOnlySet<string> Offering { get; init; }
    public required IReadOnlyDictionary<string, decimal> Finances { get; init; }

    /// <summary>The score per agreement (afspraak) key; an agreement without a score is absent.</summary>
    public required IReadOnlyDictionary<string, int> Agreements { get; init; }

    /// <summary>The level per verandercapaciteit statement key; a statement without a level is absent.</summary>
    public required IReadOnlyDictionary<string, int> ChangeCapacity { get; init; }

    /// <summary>The number per key figure key; a figure the school left empty is absent (not filled in, never 0).</summary>
    public required IReadOnlyDictionary<string, decimal> KeyFigures { get; init; }

    public required long Stamp { get; init; }
    public required string Raw { get; init; }

    /// <summary>Submitted or adopted: the figures of the dashboards count these scans only.</summary>
    public bool IsFinal => Status is ScanStatus.Submitted or ScanStatus.Adopted;

    public int? Level(string domainKey, string aspectKey) => Levels.TryGetValue(ScanSummary.CellName(domainKey, aspectKey), out var level) ? level : null;

    /// <summary>Sum and count of the levels per domain (over its aspects) and per aspect (over the domains).</summary>
    public required IReadOnlyDictionary<string, (int Sum, int Count)> DomainTotals { get; init; }
    public required IReadOnlyDictionary<string, (int Sum, int Count)> AspectTotals { get; init; }

    /// <summary>The average over the aspects of a domain that have a level; null when none has.</summary>
    public double? DomainAverage(string domainKey) =>
        DomainTotals.TryGetValue(domainKey, out var t) && t.Count > 0 ? (double)t.Sum / t.Count : null;

    /// <summary>The average of one aspect over the domains; null when no domain has a level for it.</summary>
    public double? AspectAverage(string aspectKey) =>
        AspectTotals.TryGetValue(aspectKey, out var t) && t.Count > 0 ? (double)t.Sum / t.Count : null;

    private static Dictionary<string, (int Sum, int Count)> Totals(IReadOnlyDictionary<string, int> levels, bool byDomain)
    {
        var totals = new Dictionary<string, (int Sum, int Count)>(StringComparer.Ordinal);
        foreach (var (key, level) in levels)
        {
            if (!ScanSummary.TrySplitCellName(key, out var domainKey, out var aspectKey)) continue;
            var part = byDomain ? domainKey : aspectKey;
            var t = totals.GetValueOrDefault(part);
            totals[part] = (t.Sum + level, t.Count + 1);
        }

        return totals;
    }

    public static SummaryEntry From(ScanSummary row)
    {
        var levels = ScanSummary.ParseLevels(row.Levels);
        return new SummaryEntry
        {
            ScanId = row.ScanId,
            SchoolId = row.SchoolId,
            SchoolYearId = row.SchoolYearId,
            Status = row.Status,
            Levels = levels,
            DomainTotals = Totals(levels, byDomain: true),
            AspectTotals = Totals(levels, byDomain: false),
            Offering = ScanSummary.ParseOffering(row.Offering),
            Finances = ScanSummary.ParseNumbers(row.Finances),
            Agreements = ScanSummary.ParseLevels(row.Agreements),
            ChangeCapacity = ScanSummary.ParseLevels(row.ChangeCapacity),
            KeyFigures = ScanSummary.ParseNumbers(row.KeyFigures),
            Stamp = row.Stamp,
            Raw = RawOf(row),
        };
    }

    public static string RawOf(ScanSummary row) =>
        $"{(int)row.Status}|{row.Levels}|{row.Offering}|{row.Finances}|{row.Agreements}|{row.ChangeCapacity}|{row.KeyFigures}";
}

/// <summary>All summaries, indexed by school year and school. Immutable: a change makes a new snapshot.</summary>
public sealed class SummarySnapshot
{
    private static readonly IReadOnlyDictionary<int, SummaryEntry> None = new Dictionary<int, SummaryEntry>();
    private readonly Dictionary<int, Dictionary<int, SummaryEntry>> _byYear;

    public SummarySnapshot(IReadOnlyDictionary<int, SummaryEntry> byScan, long stamp)
    {
        ByScan = byScan;
        Stamp = stamp;
        FinalVersion = stamp;
        _byYear = byScan.Values.GroupBy(e => e.SchoolYearId).ToDictionary(g => g.Key, g => g.ToDictionary(e => e.SchoolId));
    }

    /// <summary>
    /// The next snapshot: <paramref name="previous"/> with the <paramref name="changed"/> entries (new or saved scans; none
    /// deleted). Only the school years of the changed entries are indexed again. When no changed scan is or was
    /// submitted or adopted (a concept saved: the usual case while schools fill in their scan), what was derived from
    /// the submitted and adopted scans only is carried over instead of being computed or read again.
    /// </summary>
    public SummarySnapshot(SummarySnapshot previous, IReadOnlyCollection<SummaryEntry> changed, long stamp)
    {
        var byScan = new Dictionary<int, SummaryEntry>(previous.ByScan);
        var finalUnchanged = true;
        foreach (var entry in changed)
        {
            if (entry.IsFinal || (byScan.TryGetValue(entry.ScanId, out var old) && old.IsFinal)) finalUnchanged = false;
            byScan[entry.ScanId] = entry;
        }

        ByScan = byScan;
        Stamp = stamp;
        _byYear = new Dictionary<int, Dictionary<int, SummaryEntry>>(previous._byYear);
        foreach (var year in changed.GroupBy(e => e.SchoolYearId))
        {
            var schools = previous._byYear.TryGetValue(year.Key, out var known) ? new Dictionary<int, SummaryEntry>(known) : [];
            foreach (var entry in year) schools[entry.SchoolId] = entry;
            _byYear[year.Key] = schools;
        }

        FinalVersion = finalUnchanged ? previous.FinalVersion : stamp;
        if (finalUnchanged)
        {
            foreach (var (key, value) in previous._finalOnly) _finalOnly.TryAdd(key, value);
        }

        // The versions per school, when the previous snapshot had them: the changed schools only.
        if (Volatile.Read(ref previous._bySchool) is { } versions)
        {
            var bySchool = new Dictionary<int, (long Stamp, int Count)>(versions);
            foreach (var school in changed.Select(e => e.SchoolId).Distinct())
            {
                (long Stamp, int Count) version = default;
                foreach (var year in _byYear.Values)
                {
                    if (year.TryGetValue(school, out var scan)) version = WithScan(version, scan);
                }

                bySchool[school] = version;
            }

            _bySchool = bySchool;
        }
    }

    public IReadOnlyDictionary<int, SummaryEntry> ByScan { get; }
    public long Stamp { get; }

    /// <summary>
    /// The version of the submitted and adopted scans: the stamp of the snapshot in which one last became or stopped
    /// being submitted or adopted. The same as long as only concepts are saved (what <see cref="DerivedFromFinal{T}"/> carries over).
    /// </summary>
    public long FinalVersion { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _derived = new();

    /// <summary>What was derived from the submitted and adopted scans only (see <see cref="DerivedFromFinalAsync{T}"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _finalOnly = new();

    /// <summary>Something computed from all summaries (not scoped to a user), kept as long as this snapshot lives.</summary>
    public T Derived<T>(string key, Func<T> compute) where T : class => (T)_derived.GetOrAdd(key, _ => compute());

    /// <summary>
    /// As <see cref="Derived{T}"/>, for something that depends on the submitted and adopted scans only (their entries are
    /// the same objects in the next snapshot when only concepts changed): kept into the next snapshots for as long as no
    /// scan becomes or stops being submitted or adopted.
    /// </summary>
    public T DerivedFromFinal<T>(string key, Func<T> compute) where T : class => (T)_finalOnly.GetOrAdd(key, _ => compute());

    /// <summary>
    /// As <see cref="Derived{T}"/>, for something read from the database that follows the scans exactly (every save of a
    /// scan rebuilds its summary with a new stamp, so a new snapshot): read after this snapshot, so never older than it.
    /// </summary>
    public async Task<T> DerivedAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        if (_derived.TryGetValue(key, out var found)) return (T)found;
        var value = await compute();
        return (T)_derived.GetOrAdd(key, value);
    }

    /// <summary>
    /// As <see cref="DerivedAsync{T}"/>, for something read from the database that depends on the submitted and adopted
    /// scans only (a submitted or adopted scan cannot be edited; its status change gives it a new summary): carried
    /// into the next snapshots like <see cref="DerivedFromFinal{T}"/>.
    /// </summary>
    public async Task<T> DerivedFromFinalAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        if (_finalOnly.TryGetValue(key, out var found)) return (T)found;
        var value = await compute();
        return (T)_finalOnly.GetOrAdd(key, value);
    }

    private Dictionary<int, (long Stamp, int Count)>? _bySchool;

    /// <summary>
    /// The version of some schools' summaries, over all years: the highest stamp and the number of scans. Figures of
    /// exactly these schools depend on nothing else of the snapshot, so they stay valid while other schools save
    /// (issue 12: a board's dashboard was computed again after every save anywhere in the partnership).
    /// </summary>
    public (long Stamp, int Count) VersionOf(IEnumerable<int> schoolIds)
    {
        var bySchool = LazyInitializer.EnsureInitialized(ref _bySchool, () =>
        {
            var index = new Dictionary<int, (long Stamp, int Count)>();
            foreach (var entry in ByScan.Values) index[entry.SchoolId] = WithScan(index.GetValueOrDefault(entry.SchoolId), entry);

            return index;
        });
        long stamp = 0;
        var count = 0;
        foreach (var id in schoolIds)
        {
            if (!bySchool.TryGetValue(id, out var version)) continue;
            stamp = Math.Max(stamp, version.Stamp);
            count += version.Count;
        }

        return (stamp, count);
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Tuple<long, int>> _versionsOfLists = [];

    /// <summary>
    /// <see cref="VersionOf(IEnumerable{int})"/> of a list of schools, once per list for this snapshot: the dashboards
    /// keep the list of a scope (thousands of schools for the partnership) and ask for its version on every request.
    /// </summary>
    public (long Stamp, int Count) VersionOf(IEnumerable<SchoolInfo> schools)
    {
        if (schools is not IReadOnlyList<SchoolInfo> list) return VersionOf(schools.Select(s => s.Id));
        var version = _versionsOfLists.GetValue(list, _ =>
        {
            var (stamp, count) = VersionOf(list.Select(s => s.Id));
            return Tuple.Create(stamp, count);
        });
        return (version.Item1, version.Item2);
    }

    /// <summary>A school's version with one more of its scans counted.</summary>
    private static (long Stamp, int Count) WithScan((long Stamp, int Count) version, SummaryEntry scan) =>
        (Math.Max(version.Stamp, scan.Stamp), version.Count + 1);

    /// <summary>The scans of one school year, by school id.</summary>
    public IReadOnlyDictionary<int, SummaryEntry> ForYear(int schoolYearId) => _byYear.TryGetValue(schoolYearId, out var year) ? year : None;
}

/// <summary>
/// The summaries in memory, kept current with one cheap query per request: the rows whose stamp is at
/// least the highest one seen (an index seek that returns nothing when nothing changed), plus a count to
/// notice deleted scans. The first request of a process loads everything (and builds summaries that are
/// missing, e.g. for scans written before this table existed, or rebuilds those of an older format). See docs/decisions/030-dashboard-aggregates.md.
/// </summary>
public sealed class ScanSummaryCache : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public void Dispose() => _lock.Dispose();
    private SummarySnapshot? _snapshot;

    /// <summary>
    /// The summaries as of <paramref name="now"/>. No query at all while the scan-summaries, structure and frameworks
    /// counters have the values the snapshot was last checked under: every rebuild raises the first (in the transaction
    /// that writes the summaries), scans deleted with their school or year raise the others.
    /// </summary>
    public async Task<SummarySnapshot> GetAsync(AppDbContext db, Stamps now, CancellationToken cancellationToken)
    {
        var key = (now.Summaries, now.Structure, now.Frameworks);
        if (Volatile.Read(ref _checked) is { } known && known.Key == key && ReferenceEquals(known.Snapshot, _snapshot)) return known.Snapshot;

        // The stamps were read before this check, so the snapshot it returns is complete up to them.
        var snapshot = await ReadAsync(db, cancellationToken);
        Volatile.Write(ref _checked, new Checked(key, snapshot));
        return snapshot;
    }

    private sealed record Checked((long Summaries, long Structure, long Frameworks) Key, SummarySnapshot Snapshot);

    private Checked? _checked;

    private async Task<SummarySnapshot> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is null)
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                if (_snapshot is null)
                {
                    await BackfillAsync(db, cancellationToken);
                    var rows = await db.ScanSummaries.AsNoTracking().ToListAsync(cancellationToken);
                    _snapshot = new SummarySnapshot(rows.ToDictionary(r => r.ScanId, SummaryEntry.From), rows.Count == 0 ? 0 : rows.Max(r => r.Stamp));
                }

                return _snapshot;
            }
            finally
            {
                _lock.Release();
            }
        }

        var changed = await db.ScanSummaries.AsNoTracking().Where(s => s.Stamp >= current.Stamp).ToListAsync(cancellationToken);
        var count = await db.ScanSummaries.CountAsync(cancellationToken);
        var unchanged = count == current.ByScan.Count
                        && changed.All(r => current.ByScan.TryGetValue(r.ScanId, out var known) && known.Stamp == r.Stamp && known.Raw == SummaryEntry.RawOf(r));
        if (unchanged) return current;

        await _lock.WaitAsync(cancellationToken);
        try
        {
            current = _snapshot!;
            if (count != current.ByScan.Count + changed.Count(r => !current.ByScan.ContainsKey(r.ScanId)))
            {
                // Scans were deleted: start over.
                var rows = await db.ScanSummaries.AsNoTracking().ToListAsync(cancellationToken);
                _snapshot = new SummarySnapshot(rows.ToDictionary(r => r.ScanId, SummaryEntry.From), Math.Max(current.Stamp, rows.Count == 0 ? 0 : rows.Max(r => r.Stamp)));
                return _snapshot;
            }

            // Only what differs from the snapshot (another request may have made a newer one meanwhile).
            var entries = changed
                .Where(r => !current.ByScan.TryGetValue(r.ScanId, out var known) || known.Stamp != r.Stamp || known.Raw != SummaryEntry.RawOf(r))
                .Select(SummaryEntry.From)
                .ToList();
            if (entries.Count == 0) return current;
            var stamp = Math.Max(current.Stamp, changed.Max(r => r.Stamp));
            _snapshot = new SummarySnapshot(current, entries, stamp);
            return _snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Builds the summaries that are missing, and rebuilds those written in an older <see cref="ScanSummary.CurrentFormat"/>.</summary>
    private static async Task BackfillAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var missing = await db.Scans.AsNoTracking()
            .Where(s => !db.ScanSummaries.Any(x => x.ScanId == s.Id && x.Format >= ScanSummary.CurrentFormat))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        if (missing.Count > 0) await ScanSummaryWriter.RebuildAsync(db, missing, cancellationToken);
    }
}
