using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

/// <summary>The portal with two-factor authentication required for partnership staff, as in production.</summary>
public sealed class TwoFactorPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" };
}

/// <summary>A portal of its own: two-factor authentication is required there.</summary>
public sealed class TwoFactorTests(TwoFactorPortalFactory factory, ITestOutputHelper output)
    : PortalTest<TwoFactorPortalFactory>(factory, output), IClassFixture<TwoFactorPortalFactory>
{
    private async Task<string> AuthenticatorKeyAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    }

    [Fact]
    public async Task Admin_MustSetUpTwoFactor_BeforeAnythingElseOpens_ThenLogsInWithCode()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        foreach (var url in new[] { "/beheer", "/beheer/gebruikers", "/overzicht/scholen", "/" })
        {
            var blocked = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/account/tweestapsverificatie", blocked.Location());
        }

        var setup = await client.GetHtmlAsync("/account/tweestapsverificatie");
        Assert.NotNull(setup.QuerySelector("[data-testid='two-factor-required']"));
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.zb-qr")?.GetAttribute("src"));

        var wrong = await client.PostFormAsync("/account/tweestapsverificatie", "/account/tweestapsverificatie", new Dictionary<string, string> { ["Input.Code"] = "000000", ["Code"] = "000000" });
        Assert.Contains("klopt niet", (await wrong.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);

        var key = await AuthenticatorKeyAsync(World.Admin);
        var enabled = await client.PostFormAsync("/account/tweestapsverificatie", "/account/tweestapsverificatie",
            new Dictionary<string, string> { ["Code"] = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp() });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recoveryCodes = (await enabled.HtmlAsync()).QuerySelectorAll("[data-testid='recovery-codes'] code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/beheer")).StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.TwoFactorEnabled && e.Subject == World.Admin)));

        // Next login asks for the code; the password alone does not open anything.
        var second = Factory.CreatePortalClient();
        var login = await second.LoginAsync(World.Admin);
        Assert.Equal("/account/inloggen/code", login.Location());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/beheer")).StatusCode);
        var bad = await second.PostFormAsync("/account/inloggen/code", "/account/inloggen/code", new Dictionary<string, string> { ["Code"] = "123456" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var withRecovery = await second.PostFormAsync("/account/inloggen/code", "/account/inloggen/code", new Dictionary<string, string> { ["Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, withRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/beheer")).StatusCode);

        // A recovery code works once.
        var third = Factory.CreatePortalClient();
        await third.LoginAsync(World.Admin);
        var reused = await third.PostFormAsync("/account/inloggen/code", "/account/inloggen/code", new Dictionary<string, string> { ["Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.LoginFailed && e.Subject == World.Admin)));
    }

    [Fact]
    public async Task Consultant_IsAlsoSentToSetup()
    {
        var client = await Factory.LoggedInClientAsync(World.SouthConsultant);
        var response = await client.GetAsync("/overzicht/scholen");
        Assert.Equal("/account/tweestapsverificatie", response.Location());
    }

    [Fact]
    public async Task SchoolUser_TwoFactorIsOptional()
    {
        var client = await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/school/{World.SchoolB1.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/tweestapsverificatie")).StatusCode);
    }

    /// <summary>
    /// Opening the set-up page makes a first authenticator key, but must not end sessions: the security stamp stays,
    /// and the same key shows on the next visit.
    /// </summary>
    [Fact]
    public async Task OpeningTheSetupPage_MakesAKey_WithoutChangingTheSecurityStamp()
    {
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var stamp = await StampAsync(World.SchoolA1User);

        var first = await client.GetHtmlAsync("/account/tweestapsverificatie");
        var key = first.QuerySelector("[data-testid='shared-key']")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(await AuthenticatorKeyAsync(World.SchoolA1User)));
        Assert.Equal(stamp, await StampAsync(World.SchoolA1User));
        var second = await client.GetHtmlAsync("/account/tweestapsverificatie");
        Assert.Equal(key, second.QuerySelector("[data-testid='shared-key']")?.TextContent.Trim());
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetSecurityStampAsync((await users.FindByEmailAsync(email))!);
    }
}
