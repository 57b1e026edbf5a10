using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Dashboards;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Schools;

/// <summary>
/// Decisions about one school or board and the dashboards' filters read the structure from memory (issue 15), kept as
/// long as the structure counter stays the same: what the admin changes counts at once.
/// </summary>
[Collection(Portals.Main)]
public sealed class StructureIndexTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task AMovedOrDeactivatedSchool_IsDecidedAnew_AtOnce()
    {
        var school = await Data.CreateSchoolAsync(s => s.Named("Obs Verhuisvogel").InBoard(World.BoardA).InRegion(World.North));
        var boardB = await Data.CreateUserAsync(u => u.Email("bestuur-b-verhuis@test.example").BoardUser(World.BoardB));
        var boardAClient = await Factory.LoggedInClientAsync(World.BoardAUser);
        var boardBClient = await Factory.LoggedInClientAsync(boardB.Email);
        var southConsultant = await Factory.LoggedInClientAsync(World.SouthConsultant);
        var anonymous = Factory.CreatePortalClient();
        var page = $"/school/{school.Code}";

        Assert.Equal(HttpStatusCode.OK, (await boardAClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boardBClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await southConsultant.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/scholen/{school.Code}")).StatusCode);

        // The admin moves the school to board B and makes the south consultant its contact person.
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var southConsultantId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == World.SouthConsultant).Select(u => u.Id).SingleAsync());
        var edit = $"/beheer/structuur/scholen/{school.Id}";
        var moved = await admin.SubmitAsync(await admin.GetHtmlAsync(edit), "[data-testid='school-form']", new Dictionary<string, string>
        {
            ["Input.BoardId"] = World.BoardB.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.ContactPersonId"] = southConsultantId,
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await boardAClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boardBClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await southConsultant.GetAsync(page)).StatusCode);

        // Deactivated: no longer public, at once.
        var deactivated = await admin.SubmitAsync(await admin.GetHtmlAsync(edit), "[data-testid='school-form']", new Dictionary<string, string> { ["Input.IsActive"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/scholen/{school.Code}")).StatusCode);
    }
}

/// <summary>The dashboards' filters and the decisions about a board read the boards and regions from memory, yet see a new one at once.</summary>
[Collection(Portals.Dashboards)]
public sealed class StructureIndexDashboardTests(DashboardPortal portal, ITestOutputHelper output) : PortalTest<DashboardPortal>(portal, output)
{
    [Fact]
    public async Task ANewBoardAndRegion_AreInTheFiltersAndOpenToTheirUsers_AtOnce()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var before = await admin.GetHtmlAsync("/swv/dashboard");
        Assert.DoesNotContain("Stichting Indexvogel", Options(before, "bestuur"));
        Assert.DoesNotContain("Regio Indexvogel", Options(before, "regio"));

        var board = await Data.CreateBoardAsync("Stichting Indexvogel", "77123");
        var region = await Data.CreateRegionAsync("Regio Indexvogel");
        var boardUser = await Data.CreateUserAsync(u => u.Email("bestuur-indexvogel@test.example").BoardUser(board));

        var after = await admin.GetHtmlAsync("/swv/dashboard");
        Assert.Contains("Stichting Indexvogel", Options(after, "bestuur"));
        Assert.Contains("Regio Indexvogel", Options(after, "regio"));
        var own = await Factory.LoggedInClientAsync(boardUser.Email);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/bestuur/{board.Id}/bijeenkomsten")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/bestuur/{World.BoardA.Id}/bijeenkomsten")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/bestuur/{board.Id + 100000}/bijeenkomsten")).StatusCode);

        // A consultant records a board's meeting once they may see one of its schools: at once when the board gets one in their region.
        var consultant = await Factory.LoggedInClientAsync(World.SouthConsultant);
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync($"/bestuur/{board.Id}/bijeenkomsten/nieuw")).StatusCode);
        await Data.CreateSchoolAsync(s => s.Named("Obs Indexvogel").InBoard(board).InRegion(World.South));
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync($"/bestuur/{board.Id}/bijeenkomsten/nieuw")).StatusCode);
        Assert.NotEqual(0, region.Id);
    }

    private static List<string> Options(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelectorAll($"select[name='{name}'] option").Select(o => o.TextContent.Trim()).ToList();
}
