using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Tests.Features.Account;

public sealed class LoginTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Post_Login_EmptyFields_ShowsDutchErrorsNextToFields()
    {
        _ = factory.World;
        var client = factory.CreatePortalClient();
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
        _ = factory.World;
        var client = factory.CreatePortalClient();
        var response = await client.LoginAsync(World.Consultant, "verkeerd-wachtwoord");
        var page = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(World.Consultant, page.QuerySelector("#Email")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Password")?.GetAttribute("value"));
        Assert.Contains("klopt niet", page.QuerySelector("[data-testid='error-Email']")?.TextContent);
    }

    [Fact]
    public async Task Post_Login_WithoutAntiforgeryToken_IsRejected()
    {
        _ = factory.World;
        var client = factory.CreatePortalClient();
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
        var client = await factory.LoggedInClientAsync(World.Admin);
        var response = await client.PostAsync("/account/uitloggen", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/overzicht/scholen")).StatusCode);
    }

    [Fact]
    public async Task Post_Login_FiveFailures_LocksAccount()
    {
        var email = "lockout@test.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            _ = factory.World;
            await TestData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, UserRole.Consultant);
        }

        var client = factory.CreatePortalClient();
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
        var email = "inactief@test.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            _ = factory.World;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await TestData.CreateUserAsync(users, email, UserRole.Consultant);
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        var response = await factory.CreatePortalClient().LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("klopt niet", (await response.HtmlAsync()).QuerySelector("[data-testid='error-Email']")?.TextContent);
    }

    [Fact]
    public async Task Post_Login_ReturnUrl_IsFollowedWhenLocal_IgnoredWhenExternal()
    {
        _ = factory.World;
        var client = factory.CreatePortalClient();
        var local = await client.PostFormAsync("/account/inloggen", "/account/inloggen", new Dictionary<string, string>
        {
            ["Email"] = World.Admin,
            ["Password"] = PortalFactory.TestPassword,
            ["ReturnUrl"] = "/school/91AA00",
        });
        Assert.Equal("/school/91AA00", local.Location());

        var other = factory.CreatePortalClient();
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
        var client = await factory.LoggedInClientAsync(World.Admin);
        var response = await client.PostFormAsync("/overzicht/scholen", "/account/uitloggen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/overzicht/scholen")).StatusCode);
    }

    [Fact]
    public async Task Post_Login_RecordsLastLogin()
    {
        await factory.LoggedInClientAsync(World.SchoolB1User);
        var lastLogin = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == World.SchoolB1User).LastLoginAt));
        Assert.Equal(factory.Time.GetUtcNow(), lastLogin);
    }
}
