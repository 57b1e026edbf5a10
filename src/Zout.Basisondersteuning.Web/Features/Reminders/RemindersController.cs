using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure;
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
    public async Task<IActionResult> Send([FromServices] ScanReminders.Handler handler, [FromServices] PublicUrls urls)
    {
        var result = await handler.SendAsync(urls.BaseUrl(Request), HttpContext.RequestAborted);
        TempData["Flash"] = result.Value is { } sent ? $"De herinnering is verstuurd: {sent.Mails} e-mails aan {sent.Schools} scholen." : result.Message;
        return Redirect("/beheer/herinneringen");
    }
}
