using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Home;

[Collection(Portals.Main)]
public sealed class HomeTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task Get_Home_Anonymous_RedirectsToPublicSchoolList()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/scholen", response.Location());
    }

    [Theory]
    [InlineData(World.SchoolA1User, $"/school/{World.SchoolA1Code}")]
    [InlineData(World.SchoolA1Director, $"/school/{World.SchoolA1Code}")]
    [InlineData(World.SchoolB1User, $"/school/{World.SchoolB1Code}")]
    [InlineData(World.BoardAUser, "/overzicht/scholen")]
    [InlineData(World.Consultant, "/consulent")]
    [InlineData(World.Admin, "/overzicht/scholen")]
    public async Task Get_Home_LoggedIn_RedirectsToRoleHome(string email, string expected)
    {
        var client = await Factory.LoggedInClientAsync(email);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Location());

        var home = await client.GetHtmlAsync(expected);
        Assert.Contains(email.Split('@')[0], home.QuerySelector("[data-testid='current-user']")?.TextContent);
    }

    [Fact]
    public async Task Get_SchoolHome_ShowsOwnSchool()
    {
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var page = await client.GetHtmlAsync($"/school/{World.SchoolA1Code}");
        Assert.Equal("Obs Aalscholver", page.QuerySelector("[data-testid='school-name']")?.TextContent.Trim());
        Assert.Contains("consultant", page.QuerySelector("[data-testid='contact-person']")?.TextContent);
    }

    [Fact]
    public async Task Get_Navigation_DiffersPerRole()
    {
        var school = await (await Factory.LoggedInClientAsync(World.SchoolA1User)).GetHtmlAsync($"/school/{World.SchoolA1Code}");
        var admin = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync("/overzicht/scholen");
        var anonymous = await Factory.CreatePortalClient().GetHtmlAsync("/scholen");

        static string Nav(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector("nav[aria-label='Hoofdmenu']")!.TextContent;
        Assert.Contains("Mijn school", Nav(school));
        Assert.DoesNotContain("Mijn school", Nav(admin));
        Assert.Contains("Scholen", Nav(admin));
        Assert.NotNull(anonymous.QuerySelector("[data-testid='login-link']"));
        Assert.NotNull(anonymous.QuerySelector("a.utrecht-skip-link[href='#main']"));
        Assert.Equal("nl", anonymous.DocumentElement.GetAttribute("lang"));
    }
}
