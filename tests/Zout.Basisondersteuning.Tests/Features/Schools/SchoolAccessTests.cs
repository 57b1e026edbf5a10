using System.Net;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Schools;

public sealed class SchoolAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(World.SchoolA1User, "92BA00")]
    [InlineData(World.SchoolA1User, "91AB00")]
    [InlineData(World.SchoolB1User, "91AA00")]
    [InlineData(World.BoardAUser, "92BA00")]
    [InlineData(World.SouthConsultant, "91AA00")]
    public async Task Get_InternalPageOfOtherSchool_ReturnsForbidden(string email, string code)
    {
        var client = await factory.LoggedInClientAsync(email);
        var response = await client.GetAsync($"/school/{code}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Geen toegang", page.QuerySelector("[data-testid='error-title']")?.TextContent);
        Assert.DoesNotContain("Obs Aalscholver", page.Body!.TextContent);
    }

    [Theory]
    [InlineData(World.SchoolA1User, "91AA00")]
    [InlineData(World.BoardAUser, "91AA00")]
    [InlineData(World.BoardAUser, "91AB00")]
    [InlineData(World.Consultant, "92BA00")]
    [InlineData(World.SouthConsultant, "91AB00")]
    [InlineData(World.SouthConsultant, "92BA00")] // contact person outside the consultant's region
    [InlineData(World.Admin, "92BA00")]
    public async Task Get_InternalPageOfVisibleSchool_ReturnsOk(string email, string code)
    {
        var client = await factory.LoggedInClientAsync(email);
        var response = await client.GetAsync($"/school/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownSchool_ReturnsDutchNotFound()
    {
        var client = await factory.LoggedInClientAsync(World.Admin);
        var response = await client.GetAsync("/school/99ZZ99");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Pagina niet gevonden", page.QuerySelector("[data-testid='error-title']")?.TextContent);
    }

    [Theory]
    [InlineData("/school/91AA00")]
    [InlineData("/overzicht/scholen")]
    [InlineData("/account/wachtwoord-wijzigen")]
    public async Task Get_InternalPage_Anonymous_RedirectsToLogin(string url)
    {
        _ = factory.World;
        var response = await factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/inloggen?returnUrl=", response.Location());
    }

    [Fact]
    public async Task Get_SchoolList_BoardUser_SeesOnlyOwnSchools_EvenWithOtherBoardFilter()
    {
        var client = await factory.LoggedInClientAsync(World.BoardAUser);
        var own = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Equal(["91AA00", "91AB00"], own.TestIds("school-row", "data-code").Order());

        var boardB = await factory.WithDbAsync(db => db.Boards.Where(b => b.BoardNumber == "10002").Select(b => b.Id).SingleAsync());
        var filtered = await client.GetHtmlAsync($"/overzicht/scholen?bestuur={boardB}");
        Assert.Empty(filtered.TestIds("school-row", "data-code"));
        Assert.DoesNotContain("Stichting Bestuur B", filtered.Body!.TextContent);
    }

    [Fact]
    public async Task Get_SchoolList_SchoolUser_SeesOnlyOwnSchool()
    {
        var client = await factory.LoggedInClientAsync(World.SchoolB1User);
        var page = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Equal(["92BA00"], page.TestIds("school-row", "data-code"));
    }

    [Fact]
    public async Task Get_SchoolList_RegionalConsultant_SeesRegionAndOwnContactSchools()
    {
        var client = await factory.LoggedInClientAsync(World.SouthConsultant);
        var page = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Equal(["91AB00", "92BA00"], page.TestIds("school-row", "data-code").Order());
    }

    [Fact]
    public async Task Get_SchoolList_Admin_FiltersByRegionBoardAndSearch()
    {
        var client = await factory.LoggedInClientAsync(World.Admin);
        var all = await client.GetHtmlAsync("/overzicht/scholen");
        Assert.Equal(["91AA00", "91AB00", "92BA00"], all.TestIds("school-row", "data-code").Order());

        var north = factory.World.North.Id;
        var byRegion = await client.GetHtmlAsync($"/overzicht/scholen?regio={north}");
        Assert.Equal(["91AA00", "92BA00"], byRegion.TestIds("school-row", "data-code").Order());

        var byBoard = await client.GetHtmlAsync($"/overzicht/scholen?bestuur={factory.World.BoardB.Id}");
        Assert.Equal(["92BA00"], byBoard.TestIds("school-row", "data-code"));

        var bySearch = await client.GetHtmlAsync("/overzicht/scholen?zoek=boomklever");
        Assert.Equal(["91AB00"], bySearch.TestIds("school-row", "data-code"));

        var byCode = await client.GetHtmlAsync("/overzicht/scholen?zoek=92ba00");
        Assert.Equal(["92BA00"], byCode.TestIds("school-row", "data-code"));
    }

    [Fact]
    public async Task Get_PublicSchoolPage_ShowsPublicDataOnly()
    {
        _ = factory.World;
        var client = factory.CreatePortalClient();
        var list = await client.GetHtmlAsync("/scholen");
        Assert.Equal(3, list.QuerySelectorAll("[data-testid='school-row']").Length);

        var page = await client.GetHtmlAsync("/scholen/91aa00");
        Assert.Equal("Obs Aalscholver", page.QuerySelector("[data-testid='school-name']")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid='contact-person']"));
        Assert.Null(page.QuerySelector("[data-testid='staff']"));
        Assert.DoesNotContain("@test.example", page.Body!.TextContent);
    }

    [Fact]
    public async Task Get_PublicSchoolPage_InactiveSchool_NotFoundForPublic_VisibleInternally()
    {
        var world = factory.World;
        await factory.WithDbAsync(async db =>
        {
            db.Schools.Add(TestData.School("93CA00", "Obs Gesloten", await db.Boards.SingleAsync(b => b.Id == world.BoardB.Id), isActive: false));
            return await db.SaveChangesAsync();
        });

        var anonymous = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/scholen/93CA00")).StatusCode);
        Assert.DoesNotContain("Obs Gesloten", (await anonymous.GetHtmlAsync("/scholen")).Body!.TextContent);

        var admin = await factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/school/93CA00")).StatusCode);
        var withInactive = await admin.GetHtmlAsync("/overzicht/scholen?inactief=true");
        Assert.Contains("93CA00", withInactive.TestIds("school-row", "data-code"));
        var withoutInactive = await admin.GetHtmlAsync("/overzicht/scholen");
        Assert.DoesNotContain("93CA00", withoutInactive.TestIds("school-row", "data-code"));
    }
}
