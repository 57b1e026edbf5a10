using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Everything a scan page needs to know: school, year, framework, the scan, today and what the user may do.</summary>
public sealed record ScanContext(
    int SchoolId,
    string LocationCode,
    string SchoolName,
    int? PupilCount,
    SchoolYear Year,
    FrameworkDefinition Framework,
    Scan? Scan,
    DateOnly Today,
    IReadOnlySet<SchoolPermission> Permissions)
{
    public bool IsEditable => Permissions.Contains(SchoolPermission.Edit) && ScanRules.IsEditable(Scan, Year, Today);
    public string? ReadOnlyReason => Permissions.Contains(SchoolPermission.Edit) ? ScanRules.WhyReadOnly(Scan, Year, Today) : null;
    public ScanStatus Status => Scan?.Status ?? ScanStatus.NotStarted;
    public string BasePath => $"/school/{LocationCode}/scan/{Year.Name}";
    public IReadOnlyList<SectionDefinition> Sections => ScanLayout.Sections(Framework);
}

/// <summary>Loads the <see cref="ScanContext"/>; for a school user in an open window it also starts the scan.</summary>
public sealed class ScanContextLoader(AppDbContext db, FrameworkStore frameworks, TimeProvider time, ScanFactory factory)
{
    /// <summary>The school's scan of a year, tracked (a save changes it), compiled once (issue 15).</summary>
    private static readonly Func<AppDbContext, int, int, CancellationToken, Task<Scan?>> ScanQuery =
        EF.CompileAsyncQuery((AppDbContext db, int schoolId, int yearId, CancellationToken cancellationToken) =>
            db.Scans.SingleOrDefault(s => s.SchoolId == schoolId && s.SchoolYearId == yearId));

    /// <summary>The same for a page that only shows the scan: tracking it was a twentieth of the section page's time.</summary>
    private static readonly Func<AppDbContext, int, int, CancellationToken, Task<Scan?>> ScanToShowQuery =
        EF.CompileAsyncQuery((AppDbContext db, int schoolId, int yearId, CancellationToken cancellationToken) =>
            db.Scans.AsNoTracking().SingleOrDefault(s => s.SchoolId == schoolId && s.SchoolYearId == yearId));

    /// <summary>The school year to show when none is named: the one whose window is open, else the latest with a framework.</summary>
    public async Task<string?> DefaultYearAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var years = (await frameworks.YearsAsync(cancellationToken))
            .Where(e => e.FrameworkId is not null)
            .Select(e => e.Year)
            .OrderByDescending(y => y.StartYear)
            .ToList();
        return (years.FirstOrDefault(y => y.IsScanWindowOpen(today)) ?? years.FirstOrDefault(y => y.StartYear <= SchoolYear.StartYearOf(today)) ?? years.FirstOrDefault())?.Name;
    }

    /// <param name="forChange">
    /// Whether the request changes the scan (a save): then <see cref="ScanContext.Scan"/> is tracked by the request's
    /// DbContext; a page that only shows it gets an untracked one.
    /// </param>
    public async Task<ScanContext?> LoadAsync(SchoolAccess access, string yearName, bool startIfPossible, CancellationToken cancellationToken, bool forChange = true)
    {
        var framework = await frameworks.ForYearAsync(yearName, cancellationToken);
        if (framework is null) return null;
        // The scan pages ask their few queries on one connection (closed when the request's DbContext goes): EF opens
        // and closes a pooled connection per query otherwise, and under concurrent use the pool's lock was a visible
        // part of the section page's time (issue 15).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var schoolId = access.School?.Id ?? throw new InvalidOperationException("Load a scan only for a school the access policy allowed.");
        var scan = await (forChange ? ScanQuery : ScanToShowQuery)(db, schoolId, framework.Year.Id, cancellationToken);
        if (scan is null && startIfPossible && access.Can(SchoolPermission.Edit) && ScanRules.IsEditable(null, framework.Year, time.Today()))
        {
            scan = await factory.StartAsync(schoolId, framework.Year, framework.Definition, cancellationToken);
        }

        return Create(access, framework, scan);
    }

    /// <summary>
    /// The context of a scan already read (for the section page, possibly kept in memory: <see cref="EditSection.Handler"/>).
    /// What the user may do and whether the scan can still be changed are decided here, on every request.
    /// </summary>
    public ScanContext Create(SchoolAccess access, YearFramework framework, Scan? scan)
    {
        var school = access.School ?? throw new InvalidOperationException("Show a scan only for a school the access policy allowed.");
        return new ScanContext(school.Id, school.LocationCode, school.Name, school.PupilCount, framework.Year, framework.Definition, scan, time.Today(), access.Permissions!);
    }
}
