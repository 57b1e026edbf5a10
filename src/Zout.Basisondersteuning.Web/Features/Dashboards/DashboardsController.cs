using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Features.Reminders;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// Dashboards for the school, the board and the partnership, and the expertise finder. Every table can be
/// downloaded with <c>?export=xlsx|csv&amp;tabel={id}</c> on the same address: the same query, the same scope.
/// </summary>
[SignedIn]
public sealed class DashboardsController(CurrentUser currentUser) : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;

    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index([FromServices] AppDbContext db)
    {
        var user = await currentUser.GetAsync(Aborted);
        switch (user?.Role)
        {
            case null:
                return Challenge();
            case UserRole.SchoolUser:
                var code = await db.Schools.Where(s => s.Id == user.SchoolId).Select(s => s.LocationCode).FirstOrDefaultAsync(Aborted);
                return code is null ? NotFound() : Redirect($"/school/{code}/dashboard");
            case UserRole.BoardUser:
                return user.BoardId is { } boardId ? Redirect($"/bestuur/{boardId}/dashboard") : NotFound();
            default:
                return Redirect("/swv/dashboard");
        }
    }

    [HttpGet("/school/{code}/dashboard")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> School(string code, string? jaar, string? export, string? tabel, [FromServices] SchoolDashboard.Handler handler)
    {
        var model = await handler.HandleAsync(HttpContext.School(), jaar, Aborted);
        return model is null ? NotFound() : Page("School", model, export, tabel);
    }

    /// <summary>The school's dashboard as a hand-out PDF: the same sections, printed by the documents' renderer.</summary>
    [HttpGet("/school/{code}/dashboard.pdf")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> SchoolPdf(string code, string? jaar, [FromServices] SchoolDashboard.Handler handler, [FromServices] DashboardHandoutPdf pdf)
    {
        var version = await pdf.VersionAsync(this);
        if (pdf.Kept(this, version) is { } unchanged) return unchanged;
        var model = await handler.HandleAsync(HttpContext.School(), jaar, Aborted);
        return model is null ? NotFound() : await pdf.FileAsync(this, version, model.Handout(), $"dashboard-{model.Code}-{model.YearName}.pdf", $"/school/{model.Code}/dashboard?jaar={model.YearName}");
    }

    [HttpGet("/bestuur/{bestuur:int}/dashboard")]
    [BoardAccess(BoardPermission.ViewInternal)]
    public async Task<IActionResult> Board(int bestuur, string? jaar, string? domein, string? export, string? tabel, [FromServices] BoardDashboard.Handler handler)
    {
        var model = await handler.HandleAsync(HttpContext.Board().Board!, jaar, domein, Aborted);
        return model is null ? NotFound() : Page("Board", model, export, tabel);
    }

    [HttpGet("/bestuur/{bestuur:int}/dashboard.pdf")]
    [BoardAccess(BoardPermission.ViewInternal)]
    public async Task<IActionResult> BoardPdf(int bestuur, string? jaar, string? domein, [FromServices] BoardDashboard.Handler handler, [FromServices] DashboardHandoutPdf pdf)
    {
        var version = await pdf.VersionAsync(this);
        if (pdf.Kept(this, version) is { } unchanged) return unchanged;
        var model = await handler.HandleAsync(HttpContext.Board().Board!, jaar, domein, Aborted);
        return model is null ? NotFound() : await pdf.FileAsync(this, version, model.Handout(), $"dashboard-bestuur-{bestuur}-{model.YearName}.pdf", $"{model.Url}?jaar={model.YearName}");
    }

    [HttpGet("/swv/dashboard")]
    [RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
    public async Task<IActionResult> Partnership(string? jaar, int? regio, int? bestuur, string? domein, string? gemeente, string? groep, int? groeppagina, int? voltooiingpagina, string? export, string? tabel,
        [FromServices] PartnershipDashboard.Handler handler)
    {
        var model = await handler.HandleAsync(new PartnershipDashboard.Filter(jaar, regio, bestuur, domein, Blank(gemeente), groep, groeppagina, voltooiingpagina), Aborted);
        return model is null ? NotFound() : Page("Partnership", model, export, tabel);
    }

    [HttpGet("/swv/dashboard.pdf")]
    [RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
    public async Task<IActionResult> PartnershipPdf(string? jaar, int? regio, int? bestuur, string? domein, string? gemeente, string? groep,
        [FromServices] PartnershipDashboard.Handler handler, [FromServices] DashboardHandoutPdf pdf)
    {
        var version = await pdf.VersionAsync(this);
        if (pdf.Kept(this, version) is { } unchanged) return unchanged;
        var model = await handler.HandleAsync(new PartnershipDashboard.Filter(jaar, regio, bestuur, domein, Blank(gemeente), groep), Aborted);
        return model is null ? NotFound() : await pdf.FileAsync(this, version, model.Handout(), $"dashboard-swv-{model.YearName}.pdf", $"{PartnershipDashboard.Url}?{model.Query(keepDomain: true)}");
    }

    [HttpPost("/swv/dashboard/herinnering")]
    [RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
    public async Task<IActionResult> Remind(string? jaar, int? regio, int? bestuur, string? gemeente, [FromServices] PartnershipDashboard.Handler dashboard,
        [FromServices] ScanReminders.Handler reminders)
    {
        var filter = new PartnershipDashboard.Filter(jaar, regio, bestuur, null, Blank(gemeente));
        var target = await dashboard.ReminderTargetAsync(filter, Aborted);
        if (target is null) return NotFound();
        var sent = (await reminders.SendAsync(target.Value.Year, target.Value.Schools, byHand: true, Aborted)).Value!;
        TempData["Flash"] = (sent.Mails == 0
            ? "Er is geen herinnering verstuurd: er zijn geen scholen (met gebruikers) die nog moeten indienen."
            : $"Er zijn {sent.Mails} herinneringen verstuurd aan de gebruikers van {sent.Schools} scholen.") + Reminders.RemindersController.Skipped(sent);
        var query = new List<string>();
        if (jaar is not null) query.Add($"jaar={Uri.EscapeDataString(jaar)}");
        if (regio is not null) query.Add($"regio={regio}");
        if (bestuur is not null) query.Add($"bestuur={bestuur}");
        if (Blank(gemeente) is { } municipality) query.Add($"gemeente={Uri.EscapeDataString(municipality)}");
        return Redirect("/swv/dashboard" + (query.Count == 0 ? "" : "?" + string.Join("&", query)) + "#voltooiing");
    }

    [HttpGet("/vinder")]
    public async Task<IActionResult> Finder(string? aanbod, string? domein, string? aspect, int? regio, int? pagina, string? export, string? tabel, [FromServices] ExpertiseFinder.Handler handler)
    {
        var model = await handler.HandleAsync(new ExpertiseFinder.Query(Blank(aanbod), Blank(domein), Blank(aspect), regio, pagina), Aborted);
        return Page("Finder", model, export, tabel);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private IActionResult Page(string view, IReportPage model, string? export, string? tabel) => this.PageOrDownload(view, model, export, tabel);
}
