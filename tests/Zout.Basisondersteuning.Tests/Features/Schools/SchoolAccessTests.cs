using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Schools;

/// <summary>
/// Who sees which school, on the World. No other test of the main portal adds (active) schools to the World's
/// boards and regions; the lists of everything (the admin's, the public one) are checked against every active
/// school of the portal.
/// </summary>
[Collection(Portals.Main)]
public sealed class SchoolAccessTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private const string A1 = World.SchoolA1Code;
    private const string A2 = World.SchoolA2Code;
    private const string B1 = World.SchoolB1Code;

    // Other tests of the shared portal add schools too, so the expected lists come from the database.
    private Task<List<string>> ActiveSchoolCodesAsync(int? regionId = null, int? boardId = null) =>
        Factory.WithDbAsync(db => db.Schools
            .Where(s => s.IsActive && (regionId == null || s.RegionId == regionId) && (boardId == null || s.BoardId == boardId))
            .Select(s => s.LocationCode).OrderBy(c => c).ToListAsync());

    [Theory]
    [InlineData(World.SchoolA1User, B1)]
    [InlineData(World.SchoolA1User, A2)]
    [InlineData(World.SchoolB1User, A1)]
    [InlineData(World.BoardAUser, B1)]
    [InlineData(World.SouthConsultant, A1)]
    public async Task Get_InternalPageOfOtherSchool_ReturnsForbidden(string email, string code)
    {
        var client = await Factory.LoggedInClientAsync(email);
        var response = await client.GetAsync($"/school/{code}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Geen toegang", page.QuerySelector("[data-testid='error-title']")?.TextContent);
        Assert.DoesNotContain("Obs Aalscholver", page.Body!.TextContent);
    }

    [Theory]
    [InlineData(World.SchoolA1User, A1)]
    [InlineData(World.BoardAUser, A1)]
    [InlineData(World.BoardAUser, A2)]
    [InlineData(World.Consultant, B1)]
    [InlineData(World.SouthConsultant, A2)]
    [InlineData(World.SouthConsultant, B1)] // contact person outside the consultant's region
    [InlineData(World.Admin, B1)]
    public async Task Get_InternalPageOfVisibleSchool_ReturnsOk(string email, string code)
    {
        var client = await Factory.LoggedInClientAsync(email);
        var response = await client.GetAsync($"/school/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownSchool_ReturnsDutchNotFound()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var response = await client.GetAsync("/school/99ZZ99");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Pagina niet gevonden", page.QuerySelector("[data-testid='error-title']")?.TextContent);
    }

    [Theory]
    [InlineData($"/school/{A1}")]
    [InlineData("/overzicht/scholen")]
    [InlineData("/account/wachtwoord-wijzigen")]
    public async Task Get_InternalPage_Anonymous_RedirectsToLogin(string url)
    {
        var response = await Factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/inloggen?returnUrl=", response.Location());
    }

    [Fact]
    public async Task Get_SchoolList_BoardUser_SeesOnlyOwnSchools_EvenWithOtherBoardFilter()
    {
        var client = await Factory.LoggedInClientAsync(World.BoardAUser);
        var own = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Equal([A1, A2], own.TestIds("school-row", "data-code").Order());

        var boardB = World.BoardB.Id;
        var filtered = await client.GetHtmlAsync($"/overzicht/scholen?bestuur={boardB}");
        Assert.Empty(filtered.TestIds("school-row", "data-code"));
        Assert.DoesNotContain("Stichting Bestuur B", filtered.Body!.TextContent);
    }

    [Fact]
    public async Task Get_SchoolList_SchoolUser_SeesOnlyOwnSchool()
    {
        var client = await Factory.LoggedInClientAsync(World.SchoolB1User);
        var page = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Equal([B1], page.TestIds("school-row", "data-code"));
    }

    [Fact]
    public async Task Get_SchoolList_RegionalConsultant_SeesRegionAndOwnContactSchools()
    {
        var client = await Factory.LoggedInClientAsync(World.SouthConsultant);
        var page = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Equal([A2, B1], page.TestIds("school-row", "data-code").Order());
    }

    [Fact]
    public async Task Get_SchoolList_Admin_FiltersByRegionBoardAndSearch()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var all = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Superset(new HashSet<string> { A1, A2, B1 }, all.TestIds("school-row", "data-code").ToHashSet());
        Assert.Equal(await ActiveSchoolCodesAsync(), all.TestIds("school-row", "data-code").Order());

        var north = World.North.Id;
        var byRegion = await client.GetHtmlAsync($"/overzicht/scholen?regio={north}");
        Assert.Superset(new HashSet<string> { A1, B1 }, byRegion.TestIds("school-row", "data-code").ToHashSet());
        Assert.DoesNotContain(A2, byRegion.TestIds("school-row", "data-code"));
        Assert.Equal(await ActiveSchoolCodesAsync(regionId: north), byRegion.TestIds("school-row", "data-code").Order());

        var byBoard = await client.GetHtmlAsync($"/overzicht/scholen?bestuur={World.BoardB.Id}");
        Assert.Contains(B1, byBoard.TestIds("school-row", "data-code"));
        Assert.DoesNotContain(A1, byBoard.TestIds("school-row", "data-code"));
        Assert.Equal(await ActiveSchoolCodesAsync(boardId: World.BoardB.Id), byBoard.TestIds("school-row", "data-code").Order());

        var bySearch = await client.GetHtmlAsync("/overzicht/scholen?zoek=boomklever");
        Assert.Equal([A2], bySearch.TestIds("school-row", "data-code"));

        var byCode = await client.GetHtmlAsync($"/overzicht/scholen?zoek={B1.ToLowerInvariant()}");
        Assert.Equal([B1], byCode.TestIds("school-row", "data-code"));
    }

    [Fact]
    public async Task Get_PublicSchoolPage_ShowsPublicDataOnly()
    {
        var client = Factory.CreatePortalClient();
        var list = await client.GetHtmlAsync("/scholen");
        // Every active school, in pages of PublicSchoolList.PageSize.
        var active = (await ActiveSchoolCodesAsync()).Count;
        Assert.StartsWith($"{active} scholen gevonden", list.QuerySelector("[data-testid='result-count']")!.TextContent.Trim());
        Assert.Equal(Math.Min(active, Web.Features.Schools.PublicSchoolList.PageSize), list.QuerySelectorAll("[data-testid='school-row']").Length);

        var page = await client.GetHtmlAsync($"/scholen/{A1.ToLowerInvariant()}");
        Assert.Equal("Obs Aalscholver", page.QuerySelector("[data-testid='school-name']")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid='contact-person']"));
        Assert.Null(page.QuerySelector("[data-testid='staff']"));
        Assert.DoesNotContain("@test.example", page.Body!.TextContent);
    }

    [Fact]
    public async Task Get_PublicSchoolPage_InactiveSchool_NotFoundForPublic_VisibleInternally()
    {
        var closed = await Data.CreateSchoolAsync(s => s.Named("Obs Gesloten").InBoard(World.BoardB).Inactive());

        var anonymous = Factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/scholen/{closed.Code}")).StatusCode);
        Assert.DoesNotContain("Obs Gesloten", (await anonymous.GetHtmlAsync("/scholen")).Body!.TextContent);

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/school/{closed.Code}")).StatusCode);
        var withInactive = await admin.GetHtmlAsync("/overzicht/scholen?inactief=true");
        Assert.Contains(closed.Code, withInactive.TestIds("school-row", "data-code"));
        var withoutInactive = await admin.GetHtmlAsync("/overzicht/scholen");
        Assert.DoesNotContain(closed.Code, withoutInactive.TestIds("school-row", "data-code"));
    }
}
