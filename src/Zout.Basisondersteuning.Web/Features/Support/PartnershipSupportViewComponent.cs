using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Support;

public sealed record SupportPhase(int Number, string Title, string? Text);

public sealed record SupportArrangementView(string Name, string Form, string Relation, string Duration, string? HostSchool, IReadOnlyList<string> Regions, string? Description);

/// <summary>The partnership's extra support of one school year, as shown to parents and schools.</summary>
public sealed record PartnershipSupportModel(string? YearName, string? Introduction, IReadOnlyList<SupportPhase> Phases, IReadOnlyList<SupportArrangementView> Arrangements,
    int HeadingLevel)
{
    public bool IsEmpty => YearName is null;
}

/// <summary>
/// The partnership's extra support offering (arrangements and the four phases of the support route), for
/// the public page and for every SOP:
/// <code>@await Component.InvokeAsync("PartnershipSupport", new { yearName = "2026-2027", headingLevel = 2 })</code>
/// Without a year it shows the current school year (or the latest year that has an offering).
/// </summary>
public sealed class PartnershipSupportViewComponent(PartnershipSupportQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? yearName = null, int headingLevel = 2) =>
        View("~/Features/Support/PartnershipSupport.cshtml", await query.ForYearAsync(yearName, headingLevel, HttpContext.RequestAborted));
}

public sealed class PartnershipSupportQuery(AppDbContext db, TimeProvider time)
{
    public async Task<PartnershipSupportModel> ForYearAsync(string? yearName, int headingLevel, CancellationToken cancellationToken)
    {
        var level = Math.Clamp(headingLevel, 1, 4);
        int? yearId;
        if (yearName is not null)
        {
            if (!SchoolYear.TryParseName(yearName, out var start)) return Empty(level);
            yearId = await db.SchoolYears.Where(y => y.StartYear == start).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
        }
        else
        {
            var current = SchoolYear.StartYearOf(time.Today());
            var withOffering = db.SchoolYears.Where(y => db.SupportOfferings.Any(o => o.SchoolYearId == y.Id) || db.SupportArrangements.Any(a => a.SchoolYearId == y.Id));
            yearId = await withOffering.Where(y => y.StartYear <= current).OrderByDescending(y => y.StartYear).Select(y => (int?)y.Id).FirstOrDefaultAsync(cancellationToken)
                     ?? await withOffering.OrderBy(y => y.StartYear).Select(y => (int?)y.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (yearId is null) return Empty(level);
        var name = await db.SchoolYears.Where(y => y.Id == yearId).Select(y => y.Name).SingleAsync(cancellationToken);
        var offering = await db.SupportOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.SchoolYearId == yearId, cancellationToken);
        var arrangements = await db.SupportArrangements.AsNoTracking().Where(a => a.SchoolYearId == yearId).OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Name, a.Form, a.Relation, a.Duration, Host = a.HostSchool != null ? a.HostSchool.Name : null, Regions = a.Regions.Select(r => r.Name).ToList(), a.Description })
            .ToListAsync(cancellationToken);
        var texts = new[] { offering?.Phase1, offering?.Phase2, offering?.Phase3, offering?.Phase4 };
        return new PartnershipSupportModel(name, offering?.Introduction,
            SupportTexts.PhaseTitles.Select((title, i) => new SupportPhase(i + 1, title, texts[i])).ToList(),
            arrangements.Select(a => new SupportArrangementView(a.Name, a.Form.ToDutch(), a.Relation.ToDutch(), a.Duration.ToDutch(), a.Host, a.Regions.Order().ToList(), a.Description)).ToList(),
            level);
    }

    private static PartnershipSupportModel Empty(int level) => new(null, null, [], [], level);
}
