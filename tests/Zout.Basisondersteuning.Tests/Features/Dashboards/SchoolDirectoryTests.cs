using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// The dashboards keep the school list in memory while the structure counter stays the same: every change of a
/// school, its region or its contact person shows at once. On the second dashboard portal: it renames and moves schools.
/// </summary>
[Collection(Portals.ChangedDashboards)]
public sealed class SchoolDirectoryTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    private static List<string[]> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='table-scholen'] tbody tr[data-testid='row-scholen']")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task ChangedSchoolRegionAndContactPerson_ShowAtOnce_ALoginChangesNothing()
    {
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var finder = $"/vinder?domein=taal-lezen&regio={World.North.Id}";
        var before = Rows(await client.GetHtmlAsync(finder)).Single(r => r[1] == World.SchoolB1.Code);
        Assert.Equal("Cbs Citroenvlinder", before[0]);
        Assert.Contains("consultant-zuid", before[4]);

        // A login writes to the user's row, but nothing the dashboards show: the counter stays.
        var counter = await CounterAsync();
        await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(counter, await CounterAsync());

        await Factory.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Id == World.SchoolB1.Id);
            school.Name = "Cbs Nieuwe Naam";
            await db.SaveChangesAsync();
            var contact = await db.Users.SingleAsync(u => u.Email == World.SouthConsultant);
            contact.DisplayName = "Consultant Hernoemd";
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.True(await CounterAsync() >= counter + 2);
        var renamed = Rows(await client.GetHtmlAsync(finder)).Single(r => r[1] == World.SchoolB1.Code);
        Assert.Equal("Cbs Nieuwe Naam", renamed[0]);
        Assert.StartsWith("Consultant Hernoemd", renamed[4]);

        await Factory.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Id == World.SchoolB1.Id);
            school.RegionId = World.South.Id;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.DoesNotContain(Rows(await client.GetHtmlAsync(finder)), r => r[1] == World.SchoolB1.Code);
        var south = Rows(await client.GetHtmlAsync($"/vinder?domein=taal-lezen&regio={World.South.Id}"));
        Assert.Equal("Zuid", south.Single(r => r[1] == World.SchoolB1.Code)[2]);
    }

    [Fact]
    public async Task AConsultantsNewRegion_WidensTheDashboardsAtOnce()
    {
        var user = await Data.CreateUserAsync(u => u.Consultant(World.South));
        var client = await Factory.LoggedInClientAsync(user.Email);
        var dashboard = $"/swv/dashboard?jaar={TestData.ThisYear}";
        int Schools(IHtmlDocument page) =>
            int.Parse(page.QuerySelector("[data-testid='status-summary']")!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        // Asked twice: the consultant's schools are kept in memory.
        await client.GetHtmlAsync(dashboard);
        var south = Schools(await client.GetHtmlAsync(dashboard));
        var southOnly = await Factory.WithDbAsync(db => db.Schools.CountAsync(s => s.RegionId == World.South.Id));
        Assert.Equal(southOnly, south);

        await Factory.WithDbAsync(async db =>
        {
            var consultant = await db.Users.Include(u => u.Regions).SingleAsync(u => u.Email == user.Email);
            consultant.Regions.Add(await db.Regions.SingleAsync(r => r.Id == World.North.Id));
            return await db.SaveChangesAsync();
        });
        var both = await Factory.WithDbAsync(db => db.Schools.CountAsync(s => s.RegionId == World.South.Id || s.RegionId == World.North.Id));
        Assert.True(both > south);
        Assert.Equal(both, Schools(await client.GetHtmlAsync(dashboard)));
    }

    private Task<long> CounterAsync() =>
        Factory.WithDbAsync(db => db.ChangeCounters.Where(c => c.Name == ChangeCounter.Structure).Select(c => c.Value).SingleAsync());
}
