using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Reminders;

/// <summary>Reminders before the scan window closes: which schools have not submitted, and a button to remind them.</summary>
[Route("beheer/herinneringen")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class RemindersController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ScanReminders.Handler handler) => View(await handler.GetAsync(HttpContext.RequestAborted));

    [HttpPost("")]
    public async Task<IActionResult> Send([FromServices] ScanReminders.Handler handler)
    {
        var result = await handler.SendAsync(byHand: true, HttpContext.RequestAborted);
        TempData["Flash"] = result.Value is { } sent ? $"De herinnering is verstuurd: {sent.Mails} e-mails aan {sent.Schools} scholen.{Skipped(sent)}" : result.Message;
        return Redirect("/beheer/herinneringen");
    }

    /// <summary>The flash's note on schools that were not reminded again today.</summary>
    public static string Skipped(ScanReminders.Sent sent) => sent.SkippedToday == 0
        ? ""
        : $" {sent.SkippedToday} {(sent.SkippedToday == 1 ? "school kreeg" : "scholen kregen")} vandaag al een herinnering en {(sent.SkippedToday == 1 ? "is" : "zijn")} overgeslagen (één herinnering per school per dag).";
}
