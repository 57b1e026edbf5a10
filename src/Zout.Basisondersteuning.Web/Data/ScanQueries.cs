using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>Questions about scans that several features ask, written once as EF queries.</summary>
public static class ScanQueries
{
    /// <summary>
    /// The school's adopted scans of the school years before <paramref name="startYear"/>, the latest first:
    /// the first is "last year's scan" that a new scan starts from and that the section form and the documents
    /// compare with.
    /// </summary>
    public static IQueryable<Scan> AdoptedBefore(this IQueryable<Scan> scans, int schoolId, int startYear) =>
        scans.Where(s => s.SchoolId == schoolId && s.Status == ScanStatus.Adopted && s.SchoolYear.StartYear < startYear)
            .OrderByDescending(s => s.SchoolYear.StartYear);
}
