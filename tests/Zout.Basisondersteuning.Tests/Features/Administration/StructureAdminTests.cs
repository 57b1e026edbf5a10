using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

[Collection(Portals.Main)]
public sealed class StructureAdminTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    public static TheoryData<string, string> NonAdminPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { World.SchoolA1Director, World.BoardAUser, World.Consultant })
        {
            foreach (var url in new[]
                     {
                         "/beheer", "/beheer/structuur", "/beheer/structuur/regios/nieuw", "/beheer/structuur/besturen/nieuw", "/beheer/structuur/scholen/nieuw",
                         "/beheer/import", "/beheer/gebruikers", "/beheer/gebruikers/uitnodigen", "/beheer/logboek",
                     })
            {
                data.Add(user, url);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NonAdminPages))]
    public async Task Get_AdminPage_NonAdmin_ReturnsForbidden(string email, string url)
    {
        var client = await Factory.LoggedInClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Post_EditSchool_NonAdmin_ReturnsForbiddenAndChangesNothing()
    {
        var id = World.SchoolA1.Id;
        var client = await Factory.LoggedInClientAsync(World.SchoolA1Director);
        var response = await client.PostFormAsync("/account/wachtwoord-wijzigen", $"/beheer/structuur/scholen/{id}",
            new Dictionary<string, string> { ["Input.LocationCode"] = World.SchoolA1Code, ["Input.Name"] = "Gekaapt", ["Input.BoardId"] = World.BoardA.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Obs Aalscholver", await Factory.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task Admin_CreatesRegionBoardAndSchool_AssignsContactPerson_AndDeactivates()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var region = await client.PostFormAsync("/beheer/structuur/regios/nieuw", "/beheer/structuur/regios/nieuw",
            new Dictionary<string, string> { ["Input.Name"] = "Oost", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, region.StatusCode);
        var board = await client.PostFormAsync("/beheer/structuur/besturen/nieuw", "/beheer/structuur/besturen/nieuw",
            new Dictionary<string, string> { ["Input.BoardNumber"] = "77777", ["Input.Name"] = "Stichting Oost", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        var regionId = await Factory.WithDbAsync(db => db.Regions.Where(r => r.Name == "Oost").Select(r => r.Id).SingleAsync());
        var boardId = await Factory.WithDbAsync(db => db.Boards.Where(b => b.BoardNumber == "77777").Select(b => b.Id).SingleAsync());
        var consultantId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == World.Consultant).Select(u => u.Id).SingleAsync());

        var school = await client.PostFormAsync("/beheer/structuur/scholen/nieuw", "/beheer/structuur/scholen/nieuw", new Dictionary<string, string>
        {
            ["Input.LocationCode"] = "77oo00",
            ["Input.Name"] = "Obs Oosterlicht",
            ["Input.BoardId"] = boardId.ToString(CultureInfo.InvariantCulture),
            ["Input.RegionId"] = regionId.ToString(CultureInfo.InvariantCulture),
            ["Input.ContactPersonId"] = consultantId,
            ["Input.City"] = "OOSTDORP",
            ["Input.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, school.StatusCode);
        var saved = await Factory.WithDbAsync(db => db.Schools.AsNoTracking().SingleAsync(s => s.LocationCode == "77OO00"));
        Assert.Equal(("Obs Oosterlicht", "77OO", regionId, consultantId, true), (saved.Name, saved.Brin, saved.RegionId, saved.ContactPersonId, saved.IsActive));

        // Deactivate: the school stays, with its history, but is no longer public.
        var page = $"/beheer/structuur/scholen/{saved.Id}";
        var form = await client.GetHtmlAsync(page);
        var version = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var deactivate = await client.PostFormAsync(page, page, new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.LocationCode"] = "77OO00",
            ["Input.Name"] = "Obs Oosterlicht",
            ["Input.BoardId"] = boardId.ToString(CultureInfo.InvariantCulture),
            ["Input.RegionId"] = regionId.ToString(CultureInfo.InvariantCulture),
            ["Input.ContactPersonId"] = consultantId,
            ["Input.IsActive"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.Schools.Where(s => s.Id == saved.Id).Select(s => s.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreatePortalClient().GetAsync("/scholen/77OO00")).StatusCode);
        var list = await client.GetHtmlAsync("/beheer/structuur");
        Assert.Equal("false", list.QuerySelector("[data-testid='school-row'][data-code='77OO00']")?.GetAttribute("data-active"));
    }

    [Fact]
    public async Task Post_InvalidSchool_ShowsDutchErrors_InputKept()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var response = await client.PostFormAsync("/beheer/structuur/scholen/nieuw", "/beheer/structuur/scholen/nieuw",
            new Dictionary<string, string> { ["Input.LocationCode"] = "XYZ", ["Input.Name"] = "Obs Zonder Bestuur" });
        var page = await response.HtmlAsync();
        Assert.Contains("BRIN (4 tekens) met 2 cijfers", page.QuerySelector("[data-testid='error-Input_LocationCode']")?.TextContent);
        Assert.Equal("Kies het bestuur van de school.", page.QuerySelector("[data-testid='error-Input_BoardId']")?.TextContent.Trim());
        Assert.Equal("Obs Zonder Bestuur", page.QuerySelector("#Input_Name")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_EditWithStaleVersion_IsRefused_NothingOverwritten()
    {
        var board = await Data.CreateBoardAsync();
        var adminOne = await Factory.LoggedInClientAsync(World.Admin);
        var adminTwo = await Factory.LoggedInClientAsync(World.Admin);
        var page = $"/beheer/structuur/besturen/{board.Id}";
        var stale = (await adminOne.GetHtmlAsync(page)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await adminTwo.PostFormAsync(page, page, new Dictionary<string, string>
        { ["Input.Version"] = stale, ["Input.BoardNumber"] = board.BoardNumber, ["Input.Name"] = "Stichting B (nieuw)", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await adminOne.PostFormAsync(page, page, new Dictionary<string, string>
        { ["Input.Version"] = stale, ["Input.BoardNumber"] = board.BoardNumber, ["Input.Name"] = "Overschreven", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.HtmlAsync();
        Assert.Contains("Iemand anders heeft deze gegevens intussen gewijzigd", html.QuerySelector("[data-testid='error-summary']")?.TextContent);
        Assert.Equal("Stichting B (nieuw)", html.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.Equal("Stichting B (nieuw)", await Factory.WithDbAsync(db => db.Boards.Where(b => b.Id == board.Id).Select(b => b.Name).SingleAsync()));
    }
}
