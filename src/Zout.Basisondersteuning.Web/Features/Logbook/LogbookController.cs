using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Logbook;

/// <summary>The audit log for admins: newest first, filtered by kind, 100 per page.</summary>
[Route("beheer/logboek")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class LogbookController(AppDbContext db) : Controller
{
    public const int PageSize = 100;

    public sealed record Row(DateTimeOffset At, string Action, string Actor, string? Subject, string Description, string? IpAddress);

    public sealed record Model(string? Action, int Page, bool HasMore, IReadOnlyList<Row> Rows);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? soort, int pagina = 1)
    {
        pagina = Math.Max(1, pagina);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(soort)) query = query.Where(e => e.Action == soort);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((pagina - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new Row(e.At, e.Action, e.Actor, e.Subject, e.Description, e.IpAddress)).ToListAsync(HttpContext.RequestAborted);
        return View(new Model(soort, pagina, rows.Count > PageSize, rows.Take(PageSize).ToList()));
    }
}
