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
        TempData["Flash"] = result.YearName is null
            ? "Er is geen schooljaar met een open scanperiode; er is niets verstuurd."
            : $"De herinnering is verstuurd: {result.Mails} e-mails aan {result.Schools} scholen.";
        return Redirect("/beheer/herinneringen");
    }
}
