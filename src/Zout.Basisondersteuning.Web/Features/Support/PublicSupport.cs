using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Support;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>The public page /ondersteuning: the route and the arrangements of a school year, filtered by region and form.</summary>
public static class PublicSupport
{
    /// <summary>The address's filters: <c>?jaar=2026-2027&amp;regio=3&amp;vorm=Group</c>; unknown values filter nothing.</summary>
    public sealed class Query
    {
        public string? Jaar { get; set; }
        public int? Regio { get; set; }
        public string? Vorm { get; set; }
    }

    public sealed record Model(
        PartnershipSupportModel Support,
        IReadOnlyList<SupportArrangementView> Arrangements,
        int Total,
        Query Query,
        IReadOnlyList<SelectListItem> Years,
        IReadOnlyList<SelectListItem> Regions,
        IReadOnlyList<SelectListItem> Forms,
        string? RegionName,
        ArrangementForm? Form)
    {
        public bool IsFiltered => RegionName is not null || Form is not null;

        /// <summary>The arrangements as the partial shows them: the filtered list.</summary>
        public PartnershipSupportModel Shown => Support with { Arrangements = Arrangements };
    }

    public sealed class Handler(AppDbContext db, PartnershipSupportQuery support)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var model = await support.ForYearAsync(query.Jaar, 2, cancellationToken);
            var regions = await db.Regions.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
            var region = regions.FirstOrDefault(r => r.Id == query.Regio);
            ArrangementForm? form = Enum.TryParse<ArrangementForm>(query.Vorm, out var f) && !int.TryParse(query.Vorm, out _) && Enum.IsDefined(f) ? f : null;
            var shown = model.Arrangements
                .Where(a => region is null || a.IsAvailableIn(region.Id))
                .Where(a => form is null || a.Form == form)
                .ToList();
            var years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartYear).Select(y => y.Name).ToListAsync(cancellationToken);
            return new Model(model, shown, model.Arrangements.Count, query,
                years.Select(y => new SelectListItem(y, y, y == model.YearName)).ToList(),
                regions.Select(r => new SelectListItem(r.Name, r.Id.ToString(CultureInfo.InvariantCulture), r.Id == region?.Id)).ToList(),
                SupportTexts.Forms.Select(v => new SelectListItem(v.ToDutchPlural(), v.ToString(), v == form)).ToList(),
                region?.Name, form);
        }
    }
}
