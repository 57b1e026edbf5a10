using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Records a workflow step on a scan; the scan's version guards against two steps at once.</summary>
public sealed class ScanTransitions(AppDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
{
    public const string ChangedMeanwhile = "Iemand anders heeft de status van de scan net gewijzigd. Bekijk de scan opnieuw.";

    public string UserName => httpContextAccessor.HttpContext?.User.Identity?.Name ?? "onbekend";

    public async Task<bool> MoveAsync(Scan scan, ScanStatus to, string? reason, CancellationToken cancellationToken)
    {
        db.ScanTransitions.Add(new ScanTransition { ScanId = scan.Id, From = scan.Status, To = to, At = time.GetUtcNow(), By = UserName, Reason = reason });
        scan.Status = to;
        scan.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
