using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Account;

[Collection(Portals.Main)]
public sealed class LoginTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task Post_Login_EmptyFields_ShowsDutchErrorsNextToFields()
    {
        var client = Factory.CreatePortalClient();
        var response = await client.PostFormAsync("/account/inloggen", "/account/inloggen",
            new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Vul uw e-mailadres in.", page.QuerySelector("[data-testid='error-Email']")?.TextContent.Trim());
        Assert.Equal("Vul uw wachtwoord in.", page.QuerySelector("[data-testid='error-Password']")?.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Email")?.GetAttribute("aria-invalid"));
        Assert.Contains("Email-error", page.QuerySelector("#Email")?.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("[data-testid='error-summary'] a[href='#Email']"));
    }

    [Fact]
    public async Task Post_Login_WrongPassword_KeepsEmailAndSaysSo()
    {
        var user = await Data.CreateUserAsync(u => u.Consultant());
        var client = Factory.CreatePortalClient();
        var response = await client.LoginAsync(user.Email, "verkeerd-wachtwoord");
        var page = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Email, page.QuerySelector("#Email")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Password")?.GetAttribute("value"));
        Assert.Contains("klopt niet", page.QuerySelector("[data-testid='error-Email']")?.TextContent);
    }

    [Fact]
    public async Task Post_Login_WithoutAntiforgeryToken_IsRejected()
    {
        var client = Factory.CreatePortalClient();
        var response = await client.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = World.Admin,
            ["Password"] = PortalFactory.TestPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("zb.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Logout_WithoutAntiforgeryToken_IsRejected()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var response = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/overzicht/scholen")).StatusCode);
    }

    [Fact]
    public async Task Post_Login_FiveFailures_LocksAccount()
    {
        var email = (await Data.CreateUserAsync(u => u.Consultant())).Email;

        var client = Factory.CreatePortalClient();
        for (var i = 0; i < 4; i++)
        {
            var failed = await (await client.LoginAsync(email, "fout-wachtwoord")).HtmlAsync();
            Assert.Contains("klopt niet", failed.QuerySelector("[data-testid='error-Email']")?.TextContent);
        }

        var fifth = await (await client.LoginAsync(email, "fout-wachtwoord")).HtmlAsync();
        Assert.Contains("geblokkeerd", fifth.QuerySelector("[data-testid='error-Email']")?.TextContent);

        // Even the right password is refused while locked out.
        var response = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("geblokkeerd", (await response.HtmlAsync()).QuerySelector("[data-testid='error-Email']")?.TextContent);
    }

    [Fact]
    public async Task Post_Login_DeactivatedUser_IsRefused()
    {
        var email = (await Data.CreateUserAsync(u => u.Consultant().Inactive())).Email;

        var response = await Factory.CreatePortalClient().LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("klopt niet", (await response.HtmlAsync()).QuerySelector("[data-testid='error-Email']")?.TextContent);
    }

    [Fact]
    public async Task Post_Login_ReturnUrl_IsFollowedWhenLocal_IgnoredWhenExternal()
    {
        var client = Factory.CreatePortalClient();
        var local = await client.PostFormAsync("/account/inloggen", "/account/inloggen", new Dictionary<string, string>
        {
            ["Email"] = World.Admin,
            ["Password"] = PortalFactory.TestPassword,
            ["ReturnUrl"] = $"/school/{World.SchoolA1Code}",
        });
        Assert.Equal($"/school/{World.SchoolA1Code}", local.Location());

        var other = Factory.CreatePortalClient();
        var external = await other.PostFormAsync("/account/inloggen", "/account/inloggen", new Dictionary<string, string>
        {
            ["Email"] = World.Admin,
            ["Password"] = PortalFactory.TestPassword,
            ["ReturnUrl"] = "https://evil.example/",
        });
        Assert.Equal("/", external.Location());
    }

    [Fact]
    public async Task Post_Logout_EndsSession()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var response = await client.PostFormAsync("/overzicht/scholen", "/account/uitloggen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/overzicht/scholen")).StatusCode);
    }

    [Fact]
    public async Task Post_Login_RecordsLastLogin()
    {
        await Factory.LoggedInClientAsync(World.SchoolB1User);
        var lastLogin = await Factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == World.SchoolB1User).LastLoginAt));
        Assert.Equal(Factory.Time.GetUtcNow(), lastLogin);
    }
}
