using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zout.Basisondersteuning.Web.Data.Interceptors;

/// <summary>
/// Notes something about the changes of a save before it runs (while the change tracker still knows them) and
/// acts on it after the save succeeded; nothing happens when the save failed.
/// </summary>
/// <typeparam name="TNote">What <see cref="Collect"/> noted; null when there is nothing to do.</typeparam>
public abstract class AfterSaveInterceptor<TNote> : SaveChangesInterceptor where TNote : class
{
    private readonly ConditionalWeakTable<DbContext, TNote> _notes = new();

    /// <summary>What the coming save means for this interceptor, or null.</summary>
    protected abstract TNote? Collect(AppDbContext context);

    /// <summary>The same as <see cref="Collect"/>, for an interceptor that has to ask the database.</summary>
    protected virtual ValueTask<TNote?> CollectAsync(AppDbContext context, CancellationToken cancellationToken) => ValueTask.FromResult(Collect(context));

    /// <summary>Runs after a successful save that <see cref="Collect"/> noted something for.</summary>
    protected abstract Task AfterSaveAsync(AppDbContext context, TNote note, CancellationToken cancellationToken);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext app && await CollectAsync(app, cancellationToken) is { } note) _notes.AddOrUpdate(app, note);
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } note) AfterSaveAsync((AppDbContext)eventData.Context!, note, CancellationToken.None).GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } note) await AfterSaveAsync((AppDbContext)eventData.Context!, note, cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _notes.Remove(context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _notes.Remove(context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Note(DbContext? context)
    {
        if (context is not AppDbContext app || Collect(app) is not { } note) return;
        _notes.AddOrUpdate(context, note);
    }

    private TNote? Take(DbContext? context)
    {
        if (context is null || !_notes.TryGetValue(context, out var note)) return null;
        _notes.Remove(context);
        return note;
    }
}
