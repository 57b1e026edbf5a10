using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Zout.Basisondersteuning.Web.Data.Configurations;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Scans;
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
/// <item><see cref="ChangeCounter.Published"/>: a published document.</item>
/// </list>
/// The counter is raised after the save committed, so a request that sees the new value also reads the new data.
/// </summary>
public sealed class CacheCounterInterceptor(LocalChanges localChanges) : AfterSaveInterceptor<IReadOnlyList<string>>
{
    /// <summary>What a log-in (or a failed one) writes; no cache holds it, so it raises nothing.</summary>
    private static readonly HashSet<string> LoginBookkeeping =
    [
        nameof(AppUser.LastLoginAt), nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.ConcurrencyStamp),
    ];

    protected override IReadOnlyList<string>? Collect(AppDbContext context) =>
        Decide(context, entry => entry.GetDatabaseValues());

    protected override async ValueTask<IReadOnlyList<string>?> CollectAsync(AppDbContext context, CancellationToken cancellationToken)
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

    private static List<string>? Decide(AppDbContext context, Func<EntityEntry, PropertyValues?> storedUser)
    {
        var structure = false;
        var accounts = false;
        var frameworks = false;
        var activity = false;
        var published = false;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
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
                default:
                    accounts |= entry.Metadata.Name == AppUserConfiguration.UserRegionsTable;
                    activity |= entry.Metadata.Name == NeedSignalConfiguration.SchoolsTable;
                    break;
            }
        }

        List<string> raise = [];
        if (structure) raise.Add(ChangeCounter.Structure);
        if (accounts) raise.Add(ChangeCounter.Accounts);
        if (frameworks) raise.Add(ChangeCounter.Frameworks);
        if (activity) raise.Add(ChangeCounter.Activity);
        if (published) raise.Add(ChangeCounter.Published);
        return raise.Count == 0 ? null : raise;
    }

    protected override async Task AfterSaveAsync(AppDbContext context, IReadOnlyList<string> note, CancellationToken cancellationToken)
    {
        foreach (var name in note) await ChangeCounters.RaiseAsync(context, name, 1, () => Task.FromResult(0L), cancellationToken);
        localChanges.Raised();
    }
}
