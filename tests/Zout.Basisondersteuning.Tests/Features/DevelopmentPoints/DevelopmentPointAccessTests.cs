using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Features.DevelopmentPoints.DevelopmentPointPages;

namespace Zout.Basisondersteuning.Tests.Features.DevelopmentPoints;

/// <summary>On the main portal, whose only school years are the two of these tests: the year list shows them.</summary>
[Collection(Portals.Main)]
public sealed class DevelopmentPointAccessTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private const string A1 = World.SchoolA1Code;
    private const string B1 = World.SchoolB1Code;

    private async Task<int> PointOfA1Async(string title)
    {
        await Data.OpenYearAsync();
        return await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled(title));
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
        var client = await Factory.LoggedInClientAsync(email);

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
        var client = await Factory.LoggedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}&domein=rekenen&aspect=expertise")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(EditUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(DeleteUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(A1), $"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}", ValidFields("Nieuw"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(A1), EditUrl(A1, id), ValidFields("Gewijzigd"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(A1), DeleteUrl(A1, id), new Dictionary<string, string> { ["Version"] = "1" })).StatusCode);

        var point = await FindAsync(Factory, id);
        Assert.Equal(($"Niet te wijzigen door {email}", 1), (point!.Title, point.Version));
    }

    [Fact]
    public async Task UserOfOtherSchool_ReturnsForbidden()
    {
        var id = await PointOfA1Async("Van school A1");
        var client = await Factory.LoggedInClientAsync(World.SchoolB1User);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ListUrl(A1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(EditUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(B1), EditUrl(A1, id), ValidFields("Overgenomen"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(ListUrl(B1), DeleteUrl(A1, id), new Dictionary<string, string> { ["Version"] = "1" })).StatusCode);
        Assert.Equal("Van school A1", (await FindAsync(Factory, id))!.Title);
    }

    [Fact]
    public async Task PointOfOtherSchool_UnderOwnCode_ReturnsNotFound()
    {
        var id = await PointOfA1Async("Niet via een andere code");
        var client = await Factory.LoggedInClientAsync(World.SchoolB1User);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(EditUrl(B1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(DeleteUrl(B1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(ListUrl(B1), EditUrl(B1, id), ValidFields("Gekaapt"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(ListUrl(B1), $"/school/{B1}/ontwikkelpunten/{id}/conflict",
            new Dictionary<string, string> { ["Mine.DomainKey"] = "rekenen", ["Mine.AspectKey"] = "expertise", ["Mine.Title"] = "Gekaapt", ["Mine.Version"] = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(ListUrl(B1), DeleteUrl(B1, id), new Dictionary<string, string> { ["Version"] = "1" })).StatusCode);

        var point = await FindAsync(Factory, id);
        Assert.Equal(("Niet via een andere code", 1), (point!.Title, point.Version));
        var ownList = await client.GetHtmlAsync(ListUrl(B1));
        Assert.Null(ownList.QuerySelector($"[data-testid='development-point'][data-id='{id}']"));
    }

    [Fact]
    public async Task Director_OfTheSchool_MayEdit()
    {
        var id = await PointOfA1Async("Ook voor de directeur");
        var client = await Factory.LoggedInClientAsync(World.SchoolA1Director);

        var list = await client.GetHtmlAsync(ListUrl(A1));
        Assert.NotNull(list.QuerySelector("[data-testid='new-point']"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(EditUrl(A1, id))).StatusCode);
    }

    [Theory]
    [InlineData($"/school/{World.SchoolA1Code}/ontwikkelpunten")]
    [InlineData($"/school/{World.SchoolA1Code}/ontwikkelpunten/nieuw")]
    public async Task Anonymous_RedirectsToLogin(string url)
    {
        await Data.OpenYearAsync();
        var response = await Factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/inloggen?returnUrl=", response.Location());
    }
}
