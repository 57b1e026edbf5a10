using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>The smaller points of issue 14, point 8: sessions after a password reset, recovery codes, /health for strangers.</summary>
[Collection(Portals.Main)]
public sealed partial class SessionAndHealthTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [GeneratedRegex(@"https://\S+/account/wachtwoord-herstellen\?\S+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task PasswordReset_EndsTheOtherSessionsAtOnce()
    {
        var user = await Data.CreateUserAsync(u => u.SchoolUser(World.SchoolB1));
        var session = await Factory.LoggedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/school/{World.SchoolB1Code}")).StatusCode);

        // Somebody (the owner, on another device) resets the password through the mail.
        var other = Factory.CreatePortalClient();
        await other.PostFormAsync("/account/wachtwoord-vergeten", "/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Email"] = user.Email });
        var resetPage = new Uri(ResetLink().Match(Mails.To(Factory, user.Email).Single().TextBody ?? "").Value).PathAndQuery;
        var code = (await other.GetHtmlAsync(resetPage)).QuerySelector("input[name='Code']")!.GetAttribute("value")!;
        var reset = await other.PostFormAsync(resetPage, "/account/wachtwoord-herstellen", new Dictionary<string, string>
        {
            ["Email"] = user.Email,
            ["Code"] = code,
            ["Password"] = "Nieuw-wachtwoord-456",
            ["ConfirmPassword"] = "Nieuw-wachtwoord-456",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        // No five minutes' grace: the old session is over at its next request.
        var after = await session.GetAsync($"/school/{World.SchoolB1Code}");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/inloggen", after.Location());
    }

    [Fact]
    public async Task NewRecoveryCodes_NeedThePassword()
    {
        var user = await Data.CreateUserAsync(u => u.BoardUser(World.BoardA));
        var client = await Factory.LoggedInClientAsync(user);
        await client.GetAsync("/account/tweestapsverificatie");
        string key;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(user.Email))!))!;
        }

        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.ToUpperInvariant())).ComputeTotp();
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/tweestapsverificatie", "/account/tweestapsverificatie",
            new Dictionary<string, string> { ["Code"] = code })).StatusCode);

        const string page = "/account/tweestapsverificatie";
        const string action = "/account/tweestapsverificatie/herstelcodes";
        var without = await client.PostFormAsync(page, action, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, without.StatusCode);
        Assert.Empty((await without.HtmlAsync()).QuerySelectorAll("[data-testid='recovery-codes'] code"));

        var wrong = await client.PostFormAsync(page, action, new Dictionary<string, string> { ["Recovery.Password"] = "niet-mijn-wachtwoord" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("Dit wachtwoord klopt niet", (await wrong.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);

        var right = await client.PostFormAsync(page, action, new Dictionary<string, string> { ["Recovery.Password"] = PortalFactory.TestPassword });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(10, (await right.HtmlAsync()).QuerySelectorAll("[data-testid='recovery-codes'] code").Length);
    }

    [Fact]
    public async Task Health_ForAnAnonymousCaller_GivesStatusesOnly_NoPathsOrErrorTexts()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.All(json.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("description").ValueKind));
        Assert.DoesNotContain("chromium", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/usr/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ForASignedInUser_GivesTheDetails()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        using var json = JsonDocument.Parse(await (await client.GetAsync("/health")).Content.ReadAsStringAsync());
        var pdf = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "pdf-renderer");
        Assert.Contains("Chromium", pdf.GetProperty("description").GetString());
    }
}

/// <summary>A portal outside Development that writes its mails to a folder without saying it means to.</summary>
public sealed class MailFolderPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:AllowFolderOutsideDevelopment"] = "false" };
}

public sealed class MailFolderWarningTests(MailFolderPortalFactory factory, ITestOutputHelper output)
    : PortalTest<MailFolderPortalFactory>(factory, output), IClassFixture<MailFolderPortalFactory>
{
    [Fact]
    public async Task MailToAFolderOutsideDevelopment_IsSaidLoudly_AtStartUpAndOnHealth()
    {
        Assert.True(Factory.Log.Contains("mails (password resets, invitations, reminders) are written to the mail folder and NOT sent"));
        var response = await Factory.CreatePortalClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "email" && c.GetProperty("status").GetString() == "Degraded");
    }
}
