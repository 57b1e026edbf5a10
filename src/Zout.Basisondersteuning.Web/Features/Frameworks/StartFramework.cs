using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>Gives a school year without a framework (one made before frameworks existed) the default framework.</summary>
public static class StartFramework
{
    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<(EditStatus Status, string? NotEditableReason)> HandleAsync(string yearName, CancellationToken cancellationToken)
        {
            var target = await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken);
            if (target is null) return (EditStatus.NotFound, null);
            // Version 0 is "no framework yet": when one exists this is a conflict, never an overwrite.
            var (status, _) = await FrameworkEditing.SaveAsync(db, target, expectedVersion: 0, DefaultFramework.Create(), cancellationToken);
            if (status == EditStatus.Saved) logger.LogInformation("School year {Year} started with the default framework", target.Year.Name);
            return (status, target.NotEditableReason);
        }
    }
}
