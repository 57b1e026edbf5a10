using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.DevelopmentPoints;

/// <summary>
/// The ontwikkelpunten of the latest school year as a compact table, for the internal school page:
/// <c>@await Component.InvokeAsync("DevelopmentPointList", new { locationCode = ... })</c>.
/// Renders nothing for a school the user may not see internally.
/// </summary>
public sealed class DevelopmentPointListViewComponent(AccessPolicy accessPolicy, ListDevelopmentPoints.Handler handler) : ViewComponent
{
    public const string ViewPath = "~/Features/DevelopmentPoints/Components/DevelopmentPointList.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(string locationCode)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var code = School.NormalizeLocationCode(locationCode);
        var schoolId = await (await accessPolicy.InternalSchoolsAsync(cancellationToken))
            .Where(s => s.LocationCode == code)
            .Select(s => (int?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (schoolId is null) return Content(string.Empty);

        var model = await handler.HandleAsync(schoolId.Value, yearName: null, cancellationToken);
        return model is null ? Content(string.Empty) : View(ViewPath, model);
    }
}
