using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Support;

public sealed record SupportPhase(int Number, string Title, string? Text);

public sealed record SupportArrangementView(
    int Id,
    string Name,
    ArrangementForm Form,
    ArrangementRelation Relation,
    ArrangementDurations Durations,
    ArrangementStatus Status,
    string? TargetGroup,
    string? Description,
    string? HostSchool,
    string? Location,
    IReadOnlyList<int> RegionIds,
    IReadOnlyList<string> Regions,
    int? Places,
    string? HowToApply,
    string? Contact)
{
    /// <summary>No regions chosen: available in every region.</summary>
    public bool IsEverywhere => RegionIds.Count == 0;

    public bool IsAvailableIn(int regionId) => IsEverywhere || RegionIds.Contains(regionId);

    /// <summary>Where it runs, in words: the host school and/or the location; null when neither is given.</summary>
    public string? Where => (HostSchool, Location) switch
    {
        (null, null) => null,
        ({ } school, null) => school,
        (null, { } location) => location,
        ({ } school, { } location) => $"{school}, {location}",
    };
}

/// <summary>
/// The partnership's texts and extra support of one school year, as shown to parents and schools: the SOP framing, the
/// introduction, the route (four phases and "volgen, evalueren en bijstellen") and the arrangements.
/// </summary>
public sealed record PartnershipSupportModel(
    string? YearName,
    string SopFraming,
    string? Introduction,
    IReadOnlyList<SupportPhase> Phases,
    string FollowUpTitle,
    string? FollowUp,
    IReadOnlyList<SupportArrangementView> Arrangements,
    int HeadingLevel)
{
    /// <summary>No school year at all: nothing to show but a sentence.</summary>
    public bool IsEmpty => YearName is null;

    /// <summary>The default texts (<see cref="SupportDefaults"/>) without arrangements: for a year that stored no texts, or documents made outside a year.</summary>
    public static PartnershipSupportModel Defaults(string? yearName, int headingLevel = 2) => From(yearName, SupportDefaults.Texts(), [], headingLevel);

    public static PartnershipSupportModel From(string? yearName, SupportOffering texts, IReadOnlyList<SupportArrangementView> arrangements, int headingLevel) => new(
        yearName,
        texts.SopFramingOrDefault,
        texts.Introduction,
        texts.Phases().Select((phase, i) => new SupportPhase(i + 1, phase.Title, phase.Text)).ToList(),
        texts.FollowUpTitleOrDefault,
        texts.FollowUp,
        arrangements,
        Math.Clamp(headingLevel, 1, 4));
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
    /// <summary>The offering of a year by name; without a name the current year's (or the nearest year that has one). Empty when there is no such year.</summary>
    public async Task<PartnershipSupportModel> ForYearAsync(string? yearName, int headingLevel, CancellationToken cancellationToken)
    {
        int? yearId;
        if (yearName is not null)
        {
            if (!SchoolYear.TryParseName(yearName, out var start)) return PartnershipSupportModel.Defaults(null, headingLevel);
            yearId = await db.SchoolYears.Where(y => y.StartYear == start).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
        }
        else
        {
            var current = SchoolYear.StartYearOf(time.Today());
            var withOffering = db.SchoolYears.Where(y => db.SupportOfferings.Any(o => o.SchoolYearId == y.Id) || db.SupportArrangements.Any(a => a.SchoolYearId == y.Id));
            yearId = await withOffering.Where(y => y.StartYear <= current).OrderByDescending(y => y.StartYear).Select(y => (int?)y.Id).FirstOrDefaultAsync(cancellationToken)
                     ?? await withOffering.OrderBy(y => y.StartYear).Select(y => (int?)y.Id).FirstOrDefaultAsync(cancellationToken)
                     ?? await db.SchoolYears.Where(y => y.StartYear <= current).OrderByDescending(y => y.StartYear).Select(y => (int?)y.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return yearId is { } id ? await ForYearIdAsync(id, headingLevel, cancellationToken) : PartnershipSupportModel.Defaults(null, headingLevel);
    }

    public async Task<PartnershipSupportModel> ForYearIdAsync(int yearId, int headingLevel, CancellationToken cancellationToken)
    {
        var name = await db.SchoolYears.Where(y => y.Id == yearId).Select(y => y.Name).SingleAsync(cancellationToken);
        var offering = await db.SupportOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.SchoolYearId == yearId, cancellationToken);
        var arrangements = await db.SupportArrangements.AsNoTracking().Where(a => a.SchoolYearId == yearId).OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Form,
                a.Relation,
                a.Durations,
                a.Status,
                a.TargetGroup,
                a.Description,
                Host = a.HostSchool != null ? a.HostSchool.Name : null,
                a.Location,
                Regions = a.Regions.Select(r => new { r.Id, r.Name }).ToList(),
                a.Places,
                a.HowToApply,
                a.Contact,
            })
            .ToListAsync(cancellationToken);
        return PartnershipSupportModel.From(name, offering ?? SupportDefaults.Texts(),
            arrangements.Select(a => new SupportArrangementView(a.Id, a.Name, a.Form, a.Relation, a.Durations, a.Status, a.TargetGroup, a.Description, a.Host, a.Location,
                a.Regions.Select(r => r.Id).ToList(), a.Regions.Select(r => r.Name).Order().ToList(), a.Places, a.HowToApply, a.Contact)).ToList(),
            headingLevel);
    }
}
