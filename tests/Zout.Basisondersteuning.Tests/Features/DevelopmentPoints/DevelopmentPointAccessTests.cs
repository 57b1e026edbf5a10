using System.Net;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Features.DevelopmentPoints.DevelopmentPointTestData;

namespace Zout.Basisondersteuning.Tests.Features.DevelopmentPoints;

public sealed class DevelopmentPointAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string A1 = "91AA00";
    private const string B1 = "92BA00";

    private async Task<int> PointOfA1Async(string title)
    {
        var yearId = await OpenYearAsync(factory);
        return await PointAsync(factory, factory.World.SchoolA1.Id, yearId, title);
    }

    private static Dictionary<string, string> ValidFields(string title) => new()
    {
        ["Input.DomainKey"] = "rekenen",
        ["Input.AspectKey"] = "expertise",
        ["Input.Title"] = title,
        ["Input.Status"] = "Done",
        ["Input.Version"] = "1",
    };

    [Theory]
    [InlineData(World.BoardAUser)]
    [InlineData(World.Consultant)]
    [InlineData(World.Admin)]
    public async Task Get_List_BoardAndPartnership_ReadOnly(string email)
    {
        var id = await PointOfA1Async($"Leesbaar voor {email}");
        var client = await factory.LoggedInClientAsync(email);

        var list = await client.GetHtmlAsync(ListUrl(A1));

        Assert.NotNull(list.QuerySelector($"[data-testid='development-point'][data-id='{id}']"));
        Assert.Empty(list.QuerySelectorAll("[data-testid='new-point'], [data-testid='edit-point'], [data-testid='delete-point']"));

        var schoolPage = await client.GetHtmlAsync($"/school/{A1}");
        Assert.NotNull(schoolPage.QuerySelector($"[data-testid='development-point-summary'][data-id='{id}']"));
    }

    [Theory]
    [InlineData(World.BoardAUser)]
    [InlineData(World.Consultant)]
    [InlineData(World.Admin)]
    public async Task CreateEditDelete_BoardAndPartnership_ReturnForbidden(string email)
    {
        var id = await PointOfA1Async($"Niet te wijzigen door {email}");
        var client = await factory.LoggedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}&domein=rekenen&aspect=expertise")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(EditUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(DeleteUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(A1), $"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}", ValidFields("Nieuw"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(A1), EditUrl(A1, id), ValidFields("Gewijzigd"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(A1), DeleteUrl(A1, id), new Dictionary<string, string> { ["Version"] = "1" })).StatusCode);

        var point = await FindAsync(factory, id);
        Assert.Equal(($"Niet te wijzigen door {email}", 1), (point!.Title, point.Version));
    }

    [Fact]
    public async Task UserOfOtherSchool_ReturnsForbidden()
    {
        var id = await PointOfA1Async("Van school A1");
        var client = await factory.LoggedInClientAsync(World.SchoolB1User);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ListUrl(A1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(EditUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(B1), EditUrl(A1, id), ValidFields("Overgenomen"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(B1), DeleteUrl(A1, id), new Dictionary<string, string> { ["Version"] = "1" })).StatusCode);
        Assert.Equal("Van school A1", (await FindAsync(factory, id))!.Title);
    }

    [Fact]
    public async Task PointOfOtherSchool_UnderOwnCode_ReturnsNotFound()
    {
        var id = await PointOfA1Async("Niet via een andere code");
        var client = await factory.LoggedInClientAsync(World.SchoolB1User);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(EditUrl(B1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DeleteUrl(B1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(ListUrl(B1), EditUrl(B1, id), ValidFields("Gekaapt"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(ListUrl(B1), $"/school/{B1}/ontwikkelpunten/{id}/conflict",
            new Dictionary<string, string> { ["Mine.DomainKey"] = "rekenen", ["Mine.AspectKey"] = "expertise", ["Mine.Title"] = "Gekaapt", ["Mine.Version"] = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(ListUrl(B1), DeleteUrl(B1, id), new Dictionary<string, string> { ["Version"] = "1" })).StatusCode);

        var point = await FindAsync(factory, id);
        Assert.Equal(("Niet via een andere code", 1), (point!.Title, point.Version));
        var ownList = await client.GetHtmlAsync(ListUrl(B1));
        Assert.Null(ownList.QuerySelector($"[data-testid='development-point'][data-id='{id}']"));
    }

    [Fact]
    public async Task Director_OfTheSchool_MayEdit()
    {
        var id = await PointOfA1Async("Ook voor de directeur");
        var client = await factory.LoggedInClientAsync(World.SchoolA1Director);

        var list = await client.GetHtmlAsync(ListUrl(A1));
        Assert.NotNull(list.QuerySelector("[data-testid='new-point']"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(EditUrl(A1, id))).StatusCode);
    }

    [Theory]
    [InlineData("/school/91AA00/ontwikkelpunten")]
    [InlineData("/school/91AA00/ontwikkelpunten/nieuw")]
    public async Task Anonymous_RedirectsToLogin(string url)
    {
        await OpenYearAsync(factory);
        var response = await factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/inloggen?returnUrl=", response.Location());
    }
}
