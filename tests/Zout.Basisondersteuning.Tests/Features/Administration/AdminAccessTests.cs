using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

[Collection(Portals.Main)]
public sealed class AdminAccessTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Theory]
    [InlineData("/beheer")]
    [InlineData("/beheer/structuur")]
    [InlineData("/beheer/import")]
    [InlineData("/beheer/gebruikers")]
    [InlineData("/beheer/logboek")]
    [InlineData("/beheer/herinneringen")]
    [InlineData("/beheer/ondersteuning")]
    [InlineData("/account/tweestapsverificatie")]
    public async Task Get_AdminPage_Anonymous_RedirectsToLogin(string url)
    {
        var response = await Factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/inloggen", response.Location());
    }

    [Theory]
    [InlineData(World.Consultant)]
    [InlineData(World.BoardAUser)]
    [InlineData(World.SchoolA1Director)]
    public async Task Post_UserAdminActions_NonAdmin_ForbiddenAndNothingChanges(string email)
    {
        var targetId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == World.SchoolB1User).Select(u => u.Id).SingleAsync());
        var client = await Factory.LoggedInClientAsync(email);
        var edit = await client.PostFormAsync("/account/wachtwoord-wijzigen", $"/beheer/gebruikers/{targetId}", new Dictionary<string, string>
        { ["Input.DisplayName"] = "x", ["Input.Role"] = "PartnershipAdmin", ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var invite = await client.PostFormAsync("/account/wachtwoord-wijzigen", "/beheer/gebruikers/uitnodigen", new Dictionary<string, string>
        { ["Input.Email"] = "indringer@test.example", ["Input.DisplayName"] = "x", ["Input.Role"] = "PartnershipAdmin" });
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        var reset = await client.PostFormAsync("/account/wachtwoord-wijzigen", $"/beheer/gebruikers/{targetId}/tweestapsverificatie-wissen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        var import = await client.PostFormAsync("/account/wachtwoord-wijzigen", "/beheer/import/vestigingen/00000000000000000000000000000000", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);

        Assert.Equal(UserRole.SchoolUser, await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == targetId).Select(u => u.Role).SingleAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "indringer@test.example")));
    }

    [Fact]
    public async Task Post_EditUser_WithStaleStamp_IsRefused()
    {
        var targetId = (await Data.CreateUserAsync(u => u.SchoolUser(World.SchoolA1))).Id;
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = $"/beheer/gebruikers/{targetId}";
        var stamp = (await admin.GetHtmlAsync(page)).QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["Input.ConcurrencyStamp"] = stamp,
            ["Input.DisplayName"] = "Eerste wijziging",
            ["Input.Role"] = "SchoolUser",
            ["Input.SchoolId"] = World.SchoolA1.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.IsActive"] = "true",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, page, fields)).StatusCode);

        fields["Input.DisplayName"] = "Tweede wijziging";
        var stale = await admin.PostFormAsync(page, page, fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft deze gebruiker intussen gewijzigd", (await stale.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);
        Assert.Equal("Eerste wijziging", await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == targetId).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Admin_CannotDeactivateSelf()
    {
        var self = await Data.CreateUserAsync(u => u.Admin());
        var adminId = self.Id;
        var admin = await Factory.LoggedInClientAsync(self);
        var page = $"/beheer/gebruikers/{adminId}";
        var stamp = (await admin.GetHtmlAsync(page)).QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!;
        var response = await admin.PostFormAsync(page, page, new Dictionary<string, string>
        { ["Input.ConcurrencyStamp"] = stamp, ["Input.DisplayName"] = "Beheerder", ["Input.Role"] = "PartnershipAdmin", ["Input.IsActive"] = "false" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.IsActive).SingleAsync()));
    }
}
