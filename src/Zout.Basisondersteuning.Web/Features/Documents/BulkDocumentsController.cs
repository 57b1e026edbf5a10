using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>Documents of many schools at once, as a ZIP: board users and partnership staff.</summary>
[RequireRole(UserRole.BoardUser, UserRole.PartnershipAdmin, UserRole.Consultant)]
[Route("documenten/bulk")]
public sealed class BulkDocumentsController(BulkDownload.Handler handler) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? jaar) =>
        View("~/Features/Documents/Bulk.cshtml", await handler.PageAsync(new BulkDownload.Input { Jaar = jaar }, HttpContext.RequestAborted));

    [HttpPost("")]
    public async Task<IActionResult> Download([Bind(Prefix = "Input")] BulkDownload.Input input, [FromServices] IValidator<BulkDownload.Input> validator)
    {
        var validation = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, "Input");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("~/Features/Documents/Bulk.cshtml", await handler.PageAsync(input, HttpContext.RequestAborted));
        }

        try
        {
            var zip = await handler.ZipAsync(input, HttpContext.RequestAborted);
            return File(zip.Content, "application/zip", zip.FileName);
        }
        catch (PdfUnavailableException exception)
        {
            ModelState.AddModelError("", exception.Message);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("~/Features/Documents/Bulk.cshtml", await handler.PageAsync(input, HttpContext.RequestAborted));
        }
    }
}
