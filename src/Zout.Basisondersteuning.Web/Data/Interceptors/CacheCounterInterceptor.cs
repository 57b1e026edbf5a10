using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Zout.Basisondersteuning.Web.Data.Configurations;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Raises the counters that the caches in memory follow (<see cref="ChangeStamps"/>), after every save that changed
/// what they hold, so every app instance reads it again on its next request:
/// <list type="bullet">
/// <item><see cref="ChangeCounter.Structure"/>: a school, board, region or the partnership, or a user's name or address;</item>
/// <item><see cref="ChangeCounter.Accounts"/>: anything of a user's account except the bookkeeping of a log-in, their regions, a region;</item>
/// <item><see cref="ChangeCounter.Frameworks"/>: a school year or a framework;</item>
/// <item><see cref="ChangeCounter.Activity"/>: a development point, support request, need signal (or its schools),
/// conversation, implementation phase step, connection between schools or board meeting;</item>
/// <item><see cref="ChangeCounter.Published"/>: a published document;</item>
/// <item><see cref="ChangeCounter.Support"/>: the partnership's support texts or an arrangement (or its regions);</item>
/// <item><see cref="ChangeCounter.SchoolContent"/> of a school: a scan of the school, a section or answer of one, a development point.</item>
/// </list>
/// The counter is raised no earlier than the save commits (in its transaction, or after it), so a request that sees the new
/// value also reads the new data.
/// </summary>
public sealed class CacheCounterInterceptor(LocalChanges localChanges) : AfterSaveInterceptor<CacheCounterInterceptor.Note>
{
    /// <summary>
    /// What a save raises: the shared counters, and the entities of schools' own content (whose school is known only
    /// after the save: an added scan of an added school has no key before it) with the scans the context tracks.
    /// </summary>
    public sealed record Note(List<string> Counters, List<object> SchoolContent, List<Scan> TrackedScans);

    /// <summary>What a log-in (or a failed one) writes; no cache holds it, so it raises nothing.</summary>
    private static readonly HashSet<string> LoginBookkeeping =
    [
        nameof(AppUser.LastLoginAt), nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.ConcurrencyStamp),
    ];

    protected override Note? Collect(AppDbContext context) =>
        Decide(context, entry => entry.GetDatabaseValues());

    protected override async ValueTask<Note?> CollectAsync(AppDbContext context, CancellationToken cancellationToken)
    {
        // Identity's UserStore attaches the user before it saves, which makes the current values the original ones:
        // what a modified user really changed is only known by comparing with the database (one row, by key).
        var stored = new Dictionary<object, PropertyValues?>(ReferenceEqualityComparer.Instance);
        foreach (var entry in context.ChangeTracker.Entries<AppUser>().Where(e => e.State == EntityState.Modified))
        {
            stored[entry.Entity] = await entry.GetDatabaseValuesAsync(cancellationToken);
        }

        return Decide(context, entry => stored.GetValueOrDefault(entry.Entity));
    }

    private static Note? Decide(AppDbContext context, Func<EntityEntry, PropertyValues?> storedUser)
    {
        var structure = false;
        var accounts = false;
        var frameworks = false;
        var activity = false;
        var published = false;
        var support = false;
        List<object> content = [];
        List<Scan> scans = [];
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is Scan tracked) scans.Add(tracked);
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Scan or ScanSection or ScanAnswer or DevelopmentPoint) content.Add(entry.Entity);
            switch (entry.Entity)
            {
                case School or Board or Partnership:
                    structure = true;
                    break;
                case Region:
                    structure = accounts = true;
                    break;
                case AppUser when entry.State is EntityState.Added or EntityState.Deleted:
                    structure = accounts = true;
                    break;
                case AppUser:
                    var stored = storedUser(entry);
                    bool Changed(string name) => stored is null || !Equals(stored[name], entry.Property(name).CurrentValue);
                    structure |= Changed(nameof(AppUser.DisplayName)) || Changed(nameof(AppUser.Email));
                    accounts |= entry.Properties.Any(p => !LoginBookkeeping.Contains(p.Metadata.Name) && Changed(p.Metadata.Name));
                    break;
                case SchoolYear or ScanFramework:
                    frameworks = true;
                    break;
                case DevelopmentPoint or SupportRequest or NeedSignal or Conversation or ImplementationPhaseStep or SchoolConnection or BoardMeeting:
                    activity = true;
                    break;
                case PublishedDocument:
                    published = true;
                    break;
                case SupportOffering or SupportArrangement:
                    support = true;
                    break;
                default:
                    accounts |= entry.Metadata.Name == AppUserConfiguration.UserRegionsTable;
                    activity |= entry.Metadata.Name == NeedSignalConfiguration.SchoolsTable;
                    support |= entry.Metadata.Name == SupportArrangementConfiguration.RegionsTable;
                    break;
            }
        }

        List<string> raise = [];
        if (structure) raise.Add(ChangeCounter.Structure);
        if (accounts) raise.Add(ChangeCounter.Accounts);
        if (frameworks) raise.Add(ChangeCounter.Frameworks);
        if (activity) raise.Add(ChangeCounter.Activity);
        if (published) raise.Add(ChangeCounter.Published);
        if (support) raise.Add(ChangeCounter.Support);
        return raise.Count == 0 && content.Count == 0 ? null : new Note(raise, content, scans);
    }

    protected override async Task AfterSaveAsync(AppDbContext context, Note note, CancellationToken cancellationToken)
    {
        var schools = await SchoolsAsync(context, note, cancellationToken);
        await ChangeCounters.RaiseEachAsync(context, note.Counters.Concat(schools.Select(ChangeCounter.SchoolContent)), cancellationToken);
        localChanges.Raised();
    }

    /// <summary>The schools whose content the save changed; after the save, so every key is known.</summary>
    private static async Task<HashSet<int>> SchoolsAsync(AppDbContext context, Note note, CancellationToken cancellationToken)
    {
        var schools = new HashSet<int>();
        var scanIds = new HashSet<int>();
        foreach (var entity in note.SchoolContent)
        {
            // A scan or development point knows its school; a section or answer its scan.
            var (schoolId, scanId) = entity switch
            {
                Scan scan => (scan.SchoolId, 0),
                DevelopmentPoint point => (point.SchoolId, 0),
                ScanSection section => (0, section.ScanId),
                ScanAnswer answer => (0, answer.ScanId),
                _ => (0, 0),
            };
            if (schoolId > 0) schools.Add(schoolId);
            if (scanId > 0) scanIds.Add(scanId);
        }

        // Usually the scan is tracked (the form loaded it); otherwise one query by key.
        foreach (var scan in note.TrackedScans)
        {
            if (scanIds.Remove(scan.Id)) schools.Add(scan.SchoolId);
        }

        if (scanIds.Count > 0)
        {
            var ids = scanIds.ToArray();
            schools.UnionWith(await context.Scans.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => s.SchoolId).ToListAsync(cancellationToken));
        }

        return schools;
    }
}
