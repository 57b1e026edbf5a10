using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Home;

/// <summary>Sends everybody to their own start page: the school, the consultant's schools, the board's (or all) schools, or the public list.</summary>
public sealed class HomeController(CurrentUser currentUser, AppDbContext db) : Controller
{
    [HttpGet("/")]
    [AllowAnonymous]
    public async Task<IActionResult> Index()
    {
        var user = await currentUser.GetAsync(HttpContext.RequestAborted);
        switch (user?.Role)
        {
            case null:
                return Redirect("/scholen");
            case UserRole.SchoolUser:
                var code = await db.Schools.Where(s => s.Id == user.SchoolId).Select(s => s.LocationCode).FirstOrDefaultAsync();
                return code is null ? View("NoSchool") : Redirect($"/school/{code}");
            case UserRole.Consultant:
                // The consultant's home is their workspace: "Mijn scholen" (issue 11).
                return Redirect("/consulent");
            default:
                return Redirect("/overzicht/scholen");
        }
    }
}
