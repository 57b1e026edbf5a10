using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Raises the <see cref="ChangeCounter.Structure"/> counter after every save that added, changed or removed a
/// school, board, region or user, so that caches of the partnership's structure (the dashboards' school list)
/// know when to read it again, in every app instance.
/// </summary>
public sealed class StructureChangeInterceptor : AfterSaveInterceptor<object>
{
    private static readonly object Changed = new();

    protected override object? Collect(AppDbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.Entity switch
        {
            School or Board or Region => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
            // A login changes a user's security fields; only the name and address show in the structure. Identity's
            // UpdateAsync marks every property modified, so compare the values themselves.
            AppUser => e.State is EntityState.Added or EntityState.Deleted
                       || (e.State == EntityState.Modified && (IsChanged(e.Property(nameof(AppUser.DisplayName))) || IsChanged(e.Property(nameof(AppUser.Email))))),
            _ => false,
        })
            ? Changed
            : null;

    protected override Task AfterSaveAsync(AppDbContext context, object note, CancellationToken cancellationToken) =>
        ChangeCounters.RaiseAsync(context, ChangeCounter.Structure, 1, () => Task.FromResult(0L), cancellationToken);

    private static bool IsChanged(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry property) =>
        property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);
}
