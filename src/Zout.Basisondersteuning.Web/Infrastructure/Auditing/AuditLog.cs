using System.Security.Claims;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Interceptors;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Web.Infrastructure.Auditing;

/// <summary>
/// Writes entries to the admin's audit log. Call <see cref="Add"/> to write the entry in the same
/// SaveChanges (and transaction) as the change itself, or <see cref="WriteAsync"/> to save it at once.
/// Who and from where come from the current request unless given.
/// <code>await auditLog.WriteAsync(AuditActions.Publication, $"SOP {year} van {school} gepubliceerd", subject: school.LocationCode);</code>
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider time)
{
    public AuditLogEntry Add(string action, string description, string? subject = null, string? userId = null, string? actor = null)
    {
        var context = httpContextAccessor.HttpContext;
        var entry = new AuditLogEntry
        {
            At = time.GetUtcNow(),
            Action = action,
            UserId = userId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Actor = Truncate(actor ?? context?.User.Identity?.Name ?? AuditableEntityInterceptor.SystemUser, 256)!,
            Subject = Truncate(subject, AuditLogEntry.TextMaxLength),
            Description = Truncate(description, AuditLogEntry.TextMaxLength)!,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        };
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>Adds the entry and saves. Note: this also saves any other pending change of this request's context.</summary>
    public async Task WriteAsync(string action, string description, string? subject = null, string? userId = null, string? actor = null,
        CancellationToken cancellationToken = default)
    {
        Add(action, description, subject, userId, actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
