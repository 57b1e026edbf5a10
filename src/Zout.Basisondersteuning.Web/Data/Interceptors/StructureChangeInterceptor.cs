using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Raises the <see cref="ChangeCounter.Structure"/> counter after every save that added, changed or removed a
/// school, board, region or user, so that caches of the partnership's structure (the dashboards' school list)
/// know when to read it again, in every app instance.
/// </summary>
public sealed class StructureChangeInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _changed = new();

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
        if (Take(eventData.Context)) RaiseAsync((AppDbContext)eventData.Context!, CancellationToken.None).GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)) await RaiseAsync((AppDbContext)eventData.Context!, cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _changed.Remove(context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _changed.Remove(context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    /// <summary>Raises the counter; creates it when a database predates it.</summary>
    public static async Task RaiseAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var counter = db.ChangeCounters.Where(c => c.Name == ChangeCounter.Structure);
        if (await counter.ExecuteUpdateAsync(u => u.SetProperty(c => c.Value, c => c.Value + 1), cancellationToken) > 0) return;
        var created = new ChangeCounter { Name = ChangeCounter.Structure, Value = 1 };
        db.ChangeCounters.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(created).State = EntityState.Detached;
    }

    private void Collect(DbContext? context)
    {
        if (context is not AppDbContext) return;
        var changed = context.ChangeTracker.Entries().Any(e => e.Entity switch
        {
            School or Board or Region => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
            // A login changes a user's security fields; only the name and address show in the structure. Identity's
            // UpdateAsync marks every property modified, so compare the values themselves.
            AppUser => e.State is EntityState.Added or EntityState.Deleted
                       || (e.State == EntityState.Modified && (Changed(e.Property(nameof(AppUser.DisplayName))) || Changed(e.Property(nameof(AppUser.Email))))),
            _ => false,
        });
        if (changed) _changed.AddOrUpdate(context, true);
    }

    private static bool Changed(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry property) =>
        property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);

    private bool Take(DbContext? context)
    {
        if (context is null || !_changed.TryGetValue(context, out _)) return false;
        _changed.Remove(context);
        return true;
    }
}
