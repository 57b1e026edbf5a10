using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

public sealed class RateLimitedPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginRateLimit:PerAccount"] = "3",
        ["Security:LoginRateLimit:PerAddress"] = "5",
    };
}

/// <summary>A portal of its own: the limits are its settings.</summary>
public sealed class LoginRateLimitTests(RateLimitedPortalFactory factory, ITestOutputHelper output)
    : PortalTest<RateLimitedPortalFactory>(factory, output), IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task LoginAttempts_LimitedPerAccount_ThenPerAddress_WithDutchPage()
    {
        var client = Factory.CreatePortalClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(World.SchoolA1User, "verkeerd-wachtwoord")).StatusCode);
        }

        var limited = await client.LoginAsync(World.SchoolA1User, "verkeerd-wachtwoord");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Te veel pogingen", (await limited.HtmlAsync()).QuerySelector("h1")?.TextContent);
        Assert.True(limited.Headers.Contains("Retry-After"));

        // Another account from the same address: its own limit (3) is not reached, the address's (5) is.
        var other = Factory.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await other.LoginAsync(World.SchoolB1User, "verkeerd-wachtwoord")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Pages other than the login are not limited.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/inloggen")).StatusCode);
    }
}
