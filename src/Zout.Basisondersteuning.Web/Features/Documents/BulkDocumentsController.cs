using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>
/// Documents of many schools at once, as a ZIP made in the background: board users and partnership staff.
/// Asking queues a job and shows its page; the page shows the progress and, when ready, the download (for a day).
/// </summary>
[RequireRole(UserRole.BoardUser, UserRole.PartnershipAdmin, UserRole.Consultant)]
[Route("documenten/bulk")]
public sealed class BulkDocumentsController(BulkDownload.Handler handler) : Controller
{
    private const string FormView = "~/Features/Documents/Bulk.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? jaar) =>
        View(FormView, await handler.PageAsync(new BulkDownload.Input { Jaar = jaar }, HttpContext.RequestAborted));

    [HttpPost("")]
    public async Task<IActionResult> Start([Bind(Prefix = "Input")] BulkDownload.Input input, [FromServices] IValidator<BulkDownload.Input> validator)
    {
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, "Input");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(FormView, await handler.PageAsync(input, HttpContext.RequestAborted));
        }

        var result = await handler.StartAsync(input, HttpContext.RequestAborted);
        switch (result.Status)
        {
            case ResultStatus.Succeeded:
                TempData["Flash"] = "Uw download wordt gemaakt. Op deze pagina ziet u hoe ver het is.";
                return Redirect($"/documenten/bulk/{result.Id}");
            default:
                ModelState.AddErrors(result, "Input");
                Response.StatusCode = result.Status == ResultStatus.Refused ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                return View(FormView, await handler.PageAsync(input, HttpContext.RequestAborted));
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Job(int id)
    {
        var job = await handler.JobAsync(id, HttpContext.RequestAborted);
        return job is null ? NotFound() : View("~/Features/Documents/BulkJob.cshtml", job);
    }

    [HttpGet("{id:int}/zip")]
    public async Task<IActionResult> Download(int id)
    {
        var file = await handler.FileAsync(id, HttpContext.RequestAborted);
        return file is { } found ? PhysicalFile(found.Path, "application/zip", found.FileName) : NotFound();
    }
}
