using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

public sealed record YearOption(int Id, string Name, int StartYear, DateOnly? ScanClosesOn);

public sealed record SchoolInfo(
    int Id, string Code, string Name, int BoardId, string BoardName, int? RegionId, string? RegionName,
    int? PupilCount, string? ContactName, string? ContactEmail, string? Phone, string? Municipality = null);

public sealed record Option(string Value, string Text, bool Selected);

/// <summary>What every dashboard needs, each in one query whatever the number of schools.</summary>
public sealed class DashboardData(AppDbContext db, FrameworkStore frameworks, ScanSummaryCache cache, SchoolDirectory directory, TimeProvider time, IMemoryCache memory, ChangeStamps stamps,
    CurrentUser currentUser, AccessPolicy policy)
{
    private readonly StringBuilder _frameworkVersions = new();

    /// <summary>How long what the dashboards keep in memory lives at most: a safety net, the keys already follow every change.</summary>
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    /// <summary>Every school year, oldest first, from memory (<see cref="FrameworkCatalog"/>, the frameworks counter).</summary>
    public async Task<IReadOnlyList<YearOption>> YearsAsync(CancellationToken cancellationToken) =>
        (await frameworks.YearsAsync(cancellationToken))
            .Select(e => new YearOption(e.Year.Id, e.Year.Name, e.Year.StartYear, e.Year.ScanClosesOn))
            .ToList();

    /// <summary>The chosen year, or the current school year, or the latest one there is.</summary>
    public YearOption? Resolve(IReadOnlyList<YearOption> years, string? name)
    {
        if (name is not null) return years.FirstOrDefault(y => y.Name == name);
        var current = SchoolYear.StartYearOf(time.Today());
        return years.LastOrDefault(y => y.StartYear <= current) ?? (years.Count > 0 ? years[^1] : null);
    }

    public static YearOption? Previous(IReadOnlyList<YearOption> years, YearOption year) =>
        years.LastOrDefault(y => y.StartYear < year.StartYear);

    public async Task<FrameworkDefinition?> FrameworkAsync(YearOption? year, CancellationToken cancellationToken)
    {
        if (year is null) return null;
        var found = await frameworks.ForYearAsync(new SchoolYear { Id = year.Id, Name = year.Name, StartYear = year.StartYear }, cancellationToken);
        if (found is not null) _frameworkVersions.Append(found.FrameworkId).Append(':').Append(found.FrameworkVersion).Append(';');
        return found?.Definition;
    }

    /// <summary>The stamp of the school list the last <see cref="SchoolsAsync"/> read; null when it could not be cached.</summary>
    private long? _schoolsStamp;

    /// <summary>
    /// The schools of a scope, by name. The scope (who may see what) is asked of the database as a list of ids;
    /// the details come from the <see cref="SchoolDirectory"/> in memory. The list is kept in memory per user for as long
    /// as nothing changed that a scope depends on: the user's account and access (the accounts counter) and the schools
    /// (the structure counter: board, region, contact person, active).
    /// </summary>
    /// <param name="scope">The access policy's schools for this user, narrowed by columns of the school only.</param>
    /// <param name="scopeKey">Every narrowing of <paramref name="scope"/> beyond the access policy's own, in words and values ("internal|regio=1|bestuur=").</param>
    public async Task<IReadOnlyList<SchoolInfo>> SchoolsAsync(IQueryable<School> scope, string scopeKey, CancellationToken cancellationToken)
    {
        var list = await directory.GetAsync(db, stamps, cancellationToken);
        _schoolsStamp = list.Stamp;
        if (list.Stamp is not { } structure) return await ReadAsync();

        var user = await currentUser.GetAsync(cancellationToken);
        var key = ("dashboard-scope", scopeKey, user?.UserId, (await stamps.GetAsync(cancellationToken)).Accounts, structure);
        if (memory.TryGetValue(key, out IReadOnlyList<SchoolInfo>? kept)) return kept!;
        var schools = await ReadAsync();
        memory.Set(key, schools, KeepFor);
        return schools;

        async Task<IReadOnlyList<SchoolInfo>> ReadAsync()
        {
            var ids = (await scope.Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
            return list.Schools.Where(s => ids.Contains(s.Id)).ToList();
        }
    }

    /// <summary>
    /// Every school, whoever asks: only for averages over many schools (a board's, the partnership's), which never
    /// show a school's own figures.
    /// </summary>
    public async Task<IReadOnlyList<SchoolInfo>> AllSchoolsAsync(CancellationToken cancellationToken)
    {
        var list = await directory.GetAsync(db, stamps, cancellationToken);
        _schoolsStamp = list.Stamp;
        return list.Schools;
    }

    /// <summary>
    /// Figures computed from the summaries, kept in memory for exactly these inputs: the summaries of the schools in
    /// scope (their highest stamp and number of scans, over all years: any change of one of their scans makes a new
    /// stamp; the figures read no other school's summaries, so saves elsewhere keep them), the frameworks read in this
    /// request, the filter, the ids of the schools in scope and the stamp of the school list (any change of a school's
    /// details raises it). The key is a SHA-256 of the scope itself, so figures are never shared between scopes. Without
    /// a stamp (a database without the structure counter) nothing is kept.
    /// </summary>
    public T Memo<T>(string kind, SummarySnapshot snapshot, IEnumerable<SchoolInfo> schools, string filter, Func<T> compute)
    {
        if (_schoolsStamp is null) return compute();
        var (stamp, count) = snapshot.VersionOf(schools);
        return memory.GetOrCreate(("dashboard-figures", Key(kind, stamp, count, filter, schools)), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            return compute();
        })!;
    }

    /// <summary>
    /// What the dashboards read of Team Basisondersteuning's work (development points, requests, signals, conversations,
    /// phases, connections, board meetings), kept in memory as <see cref="Memo{T}"/> keeps figures, for the same
    /// <see cref="Domain.Dashboards.ChangeCounter.Activity"/> stamp (any save of that work raises it) and the same
    /// version of the submitted and adopted scans (a school's phase starts with its first completed scan), instead
    /// of the summaries of the schools. The stamp was read before the data, so what is kept is never older than its key.
    /// </summary>
    public async Task<T> MemoActivityAsync<T>(string kind, SummarySnapshot snapshot, IEnumerable<SchoolInfo> schools, string filter, Func<Task<T>> compute)
    {
        if (_schoolsStamp is null) return await compute();
        var activity = (await stamps.GetAsync()).Activity;
        var key = ("dashboard-activity", Key(kind, activity, snapshot.FinalVersion, filter, schools));
        if (memory.TryGetValue(key, out T? found)) return found!;
        var value = await compute();
        memory.Set(key, value, KeepFor);
        return value;
    }

    /// <summary>
    /// The key of something kept in memory: a SHA-256 (no large allocation per request) of its kind, the two numbers of
    /// its version, the filter, the frameworks read in this request, the stamp of the school list and the ids of the
    /// schools in scope (so nothing is ever shared between scopes).
    /// </summary>
    private string Key(string kind, long version, long versionDetail, string filter, IEnumerable<SchoolInfo> schools)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new byte[8];
        void Add(string? text)
        {
            BitConverter.TryWriteBytes(buffer, text?.Length ?? -1);
            hash.AppendData(buffer, 0, 4);
            if (text is not null) hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
        }

        void AddNumber(long? value)
        {
            BitConverter.TryWriteBytes(buffer, value ?? long.MinValue);
            hash.AppendData(buffer);
        }

        Add(kind);
        AddNumber(version);
        AddNumber(versionDetail);
        Add(filter);
        Add(_frameworkVersions.ToString());
        AddNumber(_schoolsStamp);
        hash.AppendData(ScopeDigest(schools));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The SHA-256 of the ids of the schools in scope, once per list: the lists of a scope are kept (<see cref="SchoolsAsync"/>) and never changed.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, byte[]> ScopeDigests = [];

    private static byte[] ScopeDigest(IEnumerable<SchoolInfo> schools)
    {
        return schools is IReadOnlyList<SchoolInfo> list ? ScopeDigests.GetValue(list, _ => Compute(list)) : Compute(schools);

        static byte[] Compute(IEnumerable<SchoolInfo> schools)
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            Span<byte> buffer = stackalloc byte[4];
            foreach (var school in schools)
            {
                BitConverter.TryWriteBytes(buffer, school.Id);
                hash.AppendData(buffer);
            }

            return hash.GetHashAndReset();
        }
    }

    public async Task<SummarySnapshot> SummariesAsync(CancellationToken cancellationToken) => await cache.GetAsync(db, await stamps.GetAsync(cancellationToken), cancellationToken);

    /// <summary>Today in the Netherlands: deadlines and overdue development points are counted from it.</summary>
    public DateOnly Today => time.Today();

    /// <summary>How many school years the trends show: this one and the four before.</summary>
    public const int TrendYearCount = 5;

    /// <summary>The school years of the trends (up to this one), each with its own framework and its scans.</summary>
    public async Task<IReadOnlyList<(YearOption Year, FrameworkDefinition? Framework, IReadOnlyDictionary<int, SummaryEntry> Scans)>> TrendYearsAsync(
        IReadOnlyList<YearOption> years, YearOption year, FrameworkDefinition framework, SummarySnapshot snapshot, CancellationToken cancellationToken)
    {
        var trend = new List<(YearOption, FrameworkDefinition?, IReadOnlyDictionary<int, SummaryEntry>)>();
        foreach (var y in years.Where(y => y.StartYear <= year.StartYear).TakeLast(TrendYearCount))
        {
            trend.Add((y, y.Id == year.Id ? framework : await FrameworkAsync(y, cancellationToken), snapshot.ForYear(y.Id)));
        }

        return trend;
    }

    /// <summary>
    /// The development points of a scope in a school year that are past their deadline and not done, per school: one
    /// grouped query (at most a row per school), whatever the number of points.
    /// </summary>
    public async Task<IReadOnlyList<Attention.OverduePoint>> OverduePointsAsync(IQueryable<School> scope, YearOption year, CancellationToken cancellationToken)
    {
        var today = Today;
        var rows = await db.DevelopmentPoints.AsNoTracking()
            .Where(p => p.SchoolYearId == year.Id && p.Deadline != null && p.Deadline < today && p.Status != DevelopmentPointStatus.Done && scope.Any(s => s.Id == p.SchoolId))
            .GroupBy(p => p.SchoolId)
            .Select(g => new { SchoolId = g.Key, Count = g.Count(), First = g.Min(p => p.Deadline) })
            .ToListAsync(cancellationToken);
        return rows.SelectMany(r => Enumerable.Range(0, r.Count).Select(_ => new Attention.OverduePoint(r.SchoolId, null, r.First!.Value))).ToList();
    }

    /// <summary>A short text that changes when the overdue points change: part of the key of figures kept in memory.</summary>
    public static string Signature(IEnumerable<Attention.OverduePoint> points) =>
        string.Join(",", points.GroupBy(p => p.SchoolId).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString(CultureInfo.InvariantCulture)}:{g.Count().ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Every region as a choice, from memory (<see cref="StructureIndex"/>).</summary>
    public async Task<IReadOnlyList<Option>> RegionOptionsAsync(int? selected, CancellationToken cancellationToken) =>
        (await policy.RegionListAsync(cancellationToken))
        .Select(r => new Option(r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Id == selected)).ToList();

    public static IReadOnlyList<Option> YearOptions(IReadOnlyList<YearOption> years, YearOption? selected) =>
        years.OrderByDescending(y => y.StartYear).Select(y => new Option(y.Name, y.Name, y.Id == selected?.Id)).ToList();
}
