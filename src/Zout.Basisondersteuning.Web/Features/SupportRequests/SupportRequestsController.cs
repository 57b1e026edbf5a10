using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.SupportRequests;

/// <summary>
/// "Vraag aan Team BO": the school's requests. Read by the school, its board and the partnership (ViewInternal); asked
/// by the school's users (Edit); a reply by either side (FollowUp); the status by the partnership (Consult).
/// </summary>
[Route("school/{code}/vragen")]
public sealed class SupportRequestsController(CurrentUser currentUser) : Controller
{
    private CancellationToken Aborted => HttpContext.RequestAborted;
    private SchoolAccess Access => HttpContext.School();

    [HttpGet("")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Index(string code, string? export, string? tabel, [FromServices] SupportRequestDetails.Handler handler) =>
        this.PageOrDownload("Index", await handler.ListAsync(Access, Aborted), export, tabel);

    [HttpGet("nieuw")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Create(string code, string? domein, string? aspect, int? ontwikkelpunt, [FromServices] AskSupport.Handler handler)
    {
        var input = new AskSupport.Input { DomainKey = domein, AspectKey = aspect, DevelopmentPointId = ontwikkelpunt };
        return View(new AskSupport.Model(Access.LocationCode, Access.School!.Name, input, await handler.ChoicesAsync(Access.SchoolId, Aborted)));
    }

    [HttpPost("nieuw")]
    [SchoolAccess(SchoolPermission.Edit)]
    public async Task<IActionResult> Create(string code, [Bind(Prefix = "Input")] AskSupport.Input input, [FromServices] IValidator<AskSupport.Input> validator, [FromServices] AskSupport.Handler handler)
    {
        var choices = await handler.ChoicesAsync(Access.SchoolId, Aborted);
        var validation = await validator.ValidateAsync(input, choices, Aborted);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, "Input");
            return View(new AskSupport.Model(Access.LocationCode, Access.School!.Name, input, choices));
        }

        var result = await handler.CreateAsync(Access, await UserAsync(), input, choices, Aborted);
        TempData["Flash"] = "Uw vraag is verstuurd naar Team Basisondersteuning. Uw contactpersoon krijgt er bericht van; u ziet hier de stand en de reacties.";
        return Redirect($"/school/{Access.LocationCode}/vragen/{result.Id}");
    }

    [HttpGet("{id:int}")]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Show(string code, int id, [FromServices] SupportRequestDetails.Handler handler)
    {
        var model = await handler.FindAsync(Access, id, null, Aborted);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/reactie")]
    [SchoolAccess(SchoolPermission.FollowUp)]
    public async Task<IActionResult> Reply(string code, int id, [Bind(Prefix = "Reply")] ReplyToSupportRequest.Input input, [FromServices] IValidator<ReplyToSupportRequest.Input> validator,
        [FromServices] ReplyToSupportRequest.Handler handler, [FromServices] SupportRequestDetails.Handler details)
    {
        var validation = await validator.ValidateAsync(input, Aborted);
        var result = validation.IsValid ? await handler.ReplyAsync(Access, await UserAsync(), id, input, Aborted) : Result.Invalid(validation);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = "Uw reactie is geplaatst.";
            return Redirect($"/school/{Access.LocationCode}/vragen/{id}#reacties");
        }

        ModelState.AddErrors(result, "Reply");
        var model = await details.FindAsync(Access, id, input, Aborted);
        if (model is null) return NotFound();
        if (result.Status == ResultStatus.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            input.Version = model.Version;
        }

        return View("Show", model);
    }

    [HttpPost("{id:int}/status")]
    [SchoolAccess(SchoolPermission.Consult)]
    public async Task<IActionResult> ChangeStatus(string code, int id, ChangeSupportRequestStatus.Input input, [FromServices] ChangeSupportRequestStatus.Handler handler)
    {
        var result = await handler.HandleAsync(Access, id, input, Aborted);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.Succeeded ? $"De status is nu '{input.Status!.Value.ToDutch().ToLowerInvariant()}'." : result.Message;
        return Redirect($"/school/{Access.LocationCode}/vragen/{id}");
    }

    private async Task<UserScope> UserAsync() =>
        await currentUser.GetAsync(Aborted) ?? throw new InvalidOperationException("The access filter let an anonymous user through.");
}
