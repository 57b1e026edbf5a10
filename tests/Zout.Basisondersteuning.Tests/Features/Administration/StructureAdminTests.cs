using System.Net;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

public sealed class StructureAdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
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
        var client = await factory.LoggedInClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Post_EditSchool_NonAdmin_ReturnsForbiddenAndChangesNothing()
    {
        var id = factory.World.SchoolA1.Id;
        var client = await factory.LoggedInClientAsync(World.SchoolA1Director);
        var response = await client.PostFormAsync("/account/wachtwoord-wijzigen", $"/beheer/structuur/scholen/{id}",
            new Dictionary<string, string> { ["Input.LocationCode"] = "91AA00", ["Input.Name"] = "Gekaapt", ["Input.BoardId"] = factory.World.BoardA.Id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Obs Aalscholver", await factory.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task Admin_CreatesRegionBoardAndSchool_AssignsContactPerson_AndDeactivates()
    {
        var client = await factory.LoggedInClientAsync(World.Admin);
        var region = await client.PostFormAsync("/beheer/structuur/regios/nieuw", "/beheer/structuur/regios/nieuw",
            new Dictionary<string, string> { ["Input.Name"] = "Oost", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, region.StatusCode);
        var board = await client.PostFormAsync("/beheer/structuur/besturen/nieuw", "/beheer/structuur/besturen/nieuw",
            new Dictionary<string, string> { ["Input.BoardNumber"] = "77777", ["Input.Name"] = "Stichting Oost", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        var regionId = await factory.WithDbAsync(db => db.Regions.Where(r => r.Name == "Oost").Select(r => r.Id).SingleAsync());
        var boardId = await factory.WithDbAsync(db => db.Boards.Where(b => b.BoardNumber == "77777").Select(b => b.Id).SingleAsync());
        var consultantId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == World.Consultant).Select(u => u.Id).SingleAsync());

        var school = await client.PostFormAsync("/beheer/structuur/scholen/nieuw", "/beheer/structuur/scholen/nieuw", new Dictionary<string, string>
        {
            ["Input.LocationCode"] = "77oo00",
            ["Input.Name"] = "Obs Oosterlicht",
            ["Input.BoardId"] = boardId.ToString(),
            ["Input.RegionId"] = regionId.ToString(),
            ["Input.ContactPersonId"] = consultantId,
            ["Input.City"] = "OOSTDORP",
            ["Input.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, school.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Schools.AsNoTracking().SingleAsync(s => s.LocationCode == "77OO00"));
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
            ["Input.BoardId"] = boardId.ToString(),
            ["Input.RegionId"] = regionId.ToString(),
            ["Input.ContactPersonId"] = consultantId,
            ["Input.IsActive"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Schools.Where(s => s.Id == saved.Id).Select(s => s.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreatePortalClient().GetAsync("/scholen/77OO00")).StatusCode);
        var list = await client.GetHtmlAsync("/beheer/structuur");
        Assert.Equal("false", list.QuerySelector("[data-testid='school-row'][data-code='77OO00']")?.GetAttribute("data-active"));
    }

    [Fact]
    public async Task Post_InvalidSchool_ShowsDutchErrors_InputKept()
    {
        var client = await factory.LoggedInClientAsync(World.Admin);
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
        var id = factory.World.SchoolB1.Id;
        var adminOne = await factory.LoggedInClientAsync(World.Admin);
        var adminTwo = await factory.LoggedInClientAsync(World.Admin);
        var page = $"/beheer/structuur/besturen/{factory.World.BoardB.Id}";
        var stale = (await adminOne.GetHtmlAsync(page)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await adminTwo.PostFormAsync(page, page, new Dictionary<string, string>
        { ["Input.Version"] = stale, ["Input.BoardNumber"] = "10002", ["Input.Name"] = "Stichting B (nieuw)", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await adminOne.PostFormAsync(page, page, new Dictionary<string, string>
        { ["Input.Version"] = stale, ["Input.BoardNumber"] = "10002", ["Input.Name"] = "Overschreven", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.HtmlAsync();
        Assert.Contains("Iemand anders heeft deze gegevens intussen gewijzigd", html.QuerySelector("[data-testid='error-summary']")?.TextContent);
        Assert.Equal("Stichting B (nieuw)", html.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.Equal("Stichting B (nieuw)", await factory.WithDbAsync(db => db.Boards.Where(b => b.Id == factory.World.BoardB.Id).Select(b => b.Name).SingleAsync()));
        _ = id;
    }
}
