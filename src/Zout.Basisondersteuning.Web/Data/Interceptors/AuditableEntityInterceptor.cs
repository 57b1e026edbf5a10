using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>Fills the audit fields of every added or changed <see cref="IAuditable"/> entity.</summary>
public sealed class AuditableEntityInterceptor(TimeProvider timeProvider, IHttpContextAccessor httpContextAccessor)
    : SaveChangesInterceptor
{
    public const string SystemUser = "systeem";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        UpdateEntities(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        UpdateEntities(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void UpdateEntities(DbContext? context)
    {
        if (context is null) return;
        var now = timeProvider.GetUtcNow();
        var user = httpContextAccessor.HttpContext?.User.Identity?.Name ?? SystemUser;

        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            // Through the entry, not the entity: the tracker compares snapshots only once per save (AppDbContext).
            if (entry.State == EntityState.Added)
            {
                entry.Property(nameof(IAuditable.CreatedAt)).CurrentValue = now;
                entry.Property(nameof(IAuditable.CreatedBy)).CurrentValue = user;
            }

            if (entry.State is EntityState.Added or EntityState.Modified || HasChangedOwnedEntities(entry))
            {
                entry.Property(nameof(IAuditable.UpdatedAt)).CurrentValue = now;
                entry.Property(nameof(IAuditable.UpdatedBy)).CurrentValue = user;
            }
        }
    }

    private static bool HasChangedOwnedEntities(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.References.Any(r => r.TargetEntry is { } target
                                  && target.Metadata.IsOwned()
                                  && target.State is EntityState.Added or EntityState.Modified);
}
