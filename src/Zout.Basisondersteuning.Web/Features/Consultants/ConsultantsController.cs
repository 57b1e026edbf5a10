using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Consultants;

/// <summary>The consultant's workspace: "Mijn scholen" and the open requests. The admin sees it for any consultant and hands schools over.</summary>
[Route("consulent")]
public sealed class ConsultantsController : Controller
{
    [HttpGet("")]
    [RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
    public async Task<IActionResult> Index(MySchools.Query query, string? export, string? tabel, [FromServices] MySchools.Handler handler) =>
        this.PageOrDownload("Index", await handler.HandleAsync(query, HttpContext.RequestAborted), export, tabel);

    [HttpGet("vragen")]
    [RequireRole(UserRole.PartnershipAdmin, UserRole.Consultant)]
    public async Task<IActionResult> Requests(string? export, string? tabel, [FromServices] OpenRequests.Handler handler) =>
        this.PageOrDownload("Requests", await handler.HandleAsync(HttpContext.RequestAborted), export, tabel);

    [HttpPost("overdragen")]
    [RequireRole(UserRole.PartnershipAdmin)]
    public async Task<IActionResult> HandOver([Bind(Prefix = "Handover")] HandOverSchools.Input input, [FromServices] IValidator<HandOverSchools.Input> validator,
        [FromServices] HandOverSchools.Handler handler)
    {
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        var result = validation.IsValid ? await handler.HandleAsync(input, HttpContext.RequestAborted) : Result.Invalid(validation);
        TempData["Flash"] = result.Succeeded
            ? $"{result.Id} {(result.Id == 1 ? "school is" : "scholen zijn")} overgedragen. De nieuwe contactpersoon krijgt er bericht van."
            : $"Er is niets overgedragen. {string.Join(" ", result.Errors.Select(e => e.Message))}";
        return Redirect($"/consulent?consultant={Uri.EscapeDataString(input.From ?? "")}");
    }
}
