using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// The ontwikkelpunten of the latest school year as a compact table, for the internal school page:
/// <c>@await Component.InvokeAsync("DevelopmentPointList", new { school = Context.School() })</c>, with the
/// access decided for the page. Renders nothing when the user may not see the school's internal data.
/// </summary>
public sealed class DevelopmentPointListViewComponent(ListDevelopmentPoints.Handler handler) : ViewComponent
{
    public const string ViewPath = "~/Features/DevelopmentPoints/Components/DevelopmentPointList.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(SchoolAccess school)
    {
        if (!school.Can(SchoolPermission.ViewInternal)) return Content(string.Empty);
        var model = await handler.HandleAsync(school, yearName: null, HttpContext.RequestAborted);
        return model is null ? Content(string.Empty) : View(ViewPath, model);
    }
}
