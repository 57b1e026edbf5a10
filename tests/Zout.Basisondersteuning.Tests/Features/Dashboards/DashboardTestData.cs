using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>Counts the SQL commands the app sends, so a test can prove a page's query count does not grow with the data.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    public int Count => _count;
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The portal with a query counter on its database context.</summary>
public sealed class CountingPortalFactory : PortalFactory
{
    public CommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>((_, options) => options.AddInterceptors(Counter));
        });
    }
}

/// <summary>
/// Small known data on top of the <see cref="World"/>: two school years whose frameworks differ (2025 has a
/// domain "oud-domein", 2026 a domain "gedrag"), scans in every status and a school without a scan.
/// </summary>
public static class DashboardTestData
{
    public const string Year = "2026-2027";
    public const string LastYear = "2025-2026";
    public const string SchoolWithoutScan = "91AC00";

    public static FrameworkDefinition Framework2025()
    {
        var framework = TestFrameworks.Small();
        framework.Domains.Add(new DomainDefinition { Key = "oud-domein", Name = "Oud domein" });
        return framework;
    }

    public static FrameworkDefinition Framework2026()
    {
        var framework = TestFrameworks.Small();
        framework.Domains.Add(new DomainDefinition { Key = "gedrag", Name = "Gedrag" });
        return framework;
    }

    public static async Task SeedAsync(PortalFactory factory)
    {
        var world = factory.World;
        var y2025 = await TestFrameworks.SeedYearAsync(factory.Services, 2025, Framework2025(), new DateOnly(2025, 11, 1), new DateOnly(2025, 12, 31));
        var y2026 = await TestFrameworks.SeedYearAsync(factory.Services, 2026, Framework2026(), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var boardA = await db.Boards.SingleAsync(b => b.Id == world.BoardA.Id);
        var north = await db.Regions.SingleAsync(r => r.Id == world.North.Id);
        db.Schools.Add(TestData.School(SchoolWithoutScan, "Obs Zonder Scan", boardA, north));

        // A1 (board A, north): adopted both years.
        db.Scans.Add(Scan(world.SchoolA1.Id, y2025.Id, ScanStatus.Adopted,
            Cell("taal-lezen", "expertise", 2), Cell("taal-lezen", "aanbod", 2), Cell("rekenen", "expertise", 3), Cell("rekenen", "aanbod", 3),
            Cell("oud-domein", "expertise", 4), Cell("oud-domein", "aanbod", 4)));
        db.Scans.Add(Scan(world.SchoolA1.Id, y2026.Id, ScanStatus.Adopted,
            Cell("taal-lezen", "expertise", 4), Cell("taal-lezen", "aanbod", 2), Cell("rekenen", "expertise", 3), Cell("rekenen", "aanbod", 3),
            Cell("gedrag", "expertise", 1), Offer("dyslexiespecialist"), Offer("lift"), Money("ib", 1000m), Money("scholing", 250m)));
        // A2 (board A, south): submitted this year only.
        db.Scans.Add(Scan(world.SchoolA2.Id, y2026.Id, ScanStatus.Submitted,
            Cell("taal-lezen", "expertise", 2), Cell("taal-lezen", "aanbod", 2), Cell("rekenen", "expertise", 1), Cell("rekenen", "aanbod", 1),
            Offer("lift"), Money("ib", 500m)));
        // B1 (board B, north): adopted last year, still a concept this year (which no figure counts).
        db.Scans.Add(Scan(world.SchoolB1.Id, y2025.Id, ScanStatus.Adopted,
            Cell("taal-lezen", "expertise", 4), Cell("taal-lezen", "aanbod", 4), Offer("gedragsspecialist")));
        db.Scans.Add(Scan(world.SchoolB1.Id, y2026.Id, ScanStatus.Concept,
            Cell("taal-lezen", "expertise", 1), Cell("taal-lezen", "aanbod", 1), Offer("prikkelarme-ruimte")));

        db.DevelopmentPoints.Add(Point(world.SchoolA1.Id, y2026.Id, "taal-lezen", "aanbod", "Nieuwe leesmethode invoeren"));
        db.DevelopmentPoints.Add(Point(world.SchoolA2.Id, y2026.Id, "taal-lezen", "aanbod", "Leesaanbod verbreden"));
        db.DevelopmentPoints.Add(Point(world.SchoolB1.Id, y2026.Id, "rekenen", "expertise", "Rekenspecialist opleiden"));
        await db.SaveChangesAsync();
    }

    public static Scan Scan(int schoolId, int yearId, ScanStatus status, params ScanAnswer[] answers) =>
        new() { SchoolId = schoolId, SchoolYearId = yearId, Status = status, Answers = answers.ToList() };

    public static ScanAnswer Cell(string domain, string aspect, int level) => new() { ItemKey = ItemKey.Cell(domain, aspect), Level = level };

    public static ScanAnswer Offer(string item) => new() { ItemKey = ItemKey.Offering(item), Checked = true };

    public static ScanAnswer Money(string category, decimal amount) => new() { ItemKey = ItemKey.Finance(category), Number = amount };

    public static DevelopmentPoint Point(int schoolId, int yearId, string domain, string aspect, string title) =>
        new() { SchoolId = schoolId, SchoolYearId = yearId, DomainKey = domain, AspectKey = aspect, Title = title, CurrentLevel = 2, TargetLevel = 3 };

    /// <summary>More schools in board A, region north, each with an adopted scan: for the query-count test.</summary>
    public static async Task AddSchoolsAsync(PortalFactory factory, int count, string prefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var board = await db.Boards.SingleAsync(b => b.Id == factory.World.BoardA.Id);
        var north = await db.Regions.SingleAsync(r => r.Id == factory.World.North.Id);
        var year = await db.SchoolYears.SingleAsync(y => y.StartYear == 2026);
        for (var i = 0; i < count; i++)
        {
            var school = TestData.School($"{prefix}{i:D2}00", $"Extra school {prefix}{i}", board, north);
            db.Schools.Add(school);
            await db.SaveChangesAsync();
            db.Scans.Add(Scan(school.Id, year.Id, ScanStatus.Adopted, Cell("taal-lezen", "expertise", 3), Offer("lift")));
            db.DevelopmentPoints.Add(Point(school.Id, year.Id, "rekenen", "aanbod", "Rekenen"));
        }

        await db.SaveChangesAsync();
    }
}
