using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Schools;

public sealed class SchoolsController : Controller
{
    [HttpGet("/scholen")]
    [AllowAnonymous]
    public async Task<IActionResult> PublicIndex(PublicSchoolList.Query query, [FromServices] PublicSchoolList.Handler handler) =>
        View(await handler.HandleAsync(query, HttpContext.RequestAborted));

    [HttpGet("/scholen/{code}")]
    [AllowAnonymous]
    [SchoolAccess(SchoolPermission.ViewPublic)]
    public async Task<IActionResult> PublicDetails(string code, [FromServices] SchoolDetails.Handler handler) =>
        View(await handler.PublicAsync(HttpContext.School().SchoolId, HttpContext.RequestAborted));

    [HttpGet("/overzicht/scholen")]
    [SignedIn]
    public async Task<IActionResult> Index(SchoolList.Query query, [FromServices] SchoolList.Handler handler) =>
        View(await handler.HandleAsync(query, HttpContext.RequestAborted));

    [HttpGet("/school/{code}")]
    [SignedIn]
    [SchoolAccess(SchoolPermission.ViewInternal)]
    public async Task<IActionResult> Details(string code, [FromServices] SchoolDetails.Handler handler) =>
        View(await handler.InternalAsync(HttpContext.School().SchoolId, HttpContext.RequestAborted));
}
