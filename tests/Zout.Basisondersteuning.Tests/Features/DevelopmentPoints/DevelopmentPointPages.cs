using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.DevelopmentPoints;

/// <summary>The years the ontwikkelpunten tests work in, and the addresses of the pages.</summary>
internal static class DevelopmentPointPages
{
    public const string Year = TestData.ThisYear;
    public const string ClosedYear = TestData.LastYear;

    /// <summary>This year with the small test framework (domains taal-lezen, rekenen; aspects expertise, aanbod; levels 1-4).</summary>
    public static async Task<int> OpenYearAsync(this TestData data) => (await data.CreateYearAsync(2026, y => y.WithoutScanWindow())).Id;

    /// <summary>Last year, closed.</summary>
    public static async Task<int> ClosedYearAsync(this TestData data) => (await data.CreateYearAsync(2025, y => y.WithoutScanWindow().Closed())).Id;

    public static Task<DevelopmentPoint?> FindAsync(PortalFactory factory, int id) =>
        factory.WithDbAsync(db => db.DevelopmentPoints.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id));

    public static string ListUrl(string code, string year = Year) => $"/school/{code}/ontwikkelpunten?jaar={year}";
    public static string EditUrl(string code, int id) => $"/school/{code}/ontwikkelpunten/{id}/bewerken";
    public static string DeleteUrl(string code, int id) => $"/school/{code}/ontwikkelpunten/{id}/verwijderen";
}
