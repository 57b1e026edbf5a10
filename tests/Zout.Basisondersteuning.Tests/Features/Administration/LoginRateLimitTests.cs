using System.Net;
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

public sealed class LoginRateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task LoginAttempts_LimitedPerAccount_ThenPerAddress_WithDutchPage()
    {
        _ = factory.World;
        var client = factory.CreatePortalClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(World.SchoolA1User, "verkeerd-wachtwoord")).StatusCode);
        }

        var limited = await client.LoginAsync(World.SchoolA1User, "verkeerd-wachtwoord");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Te veel pogingen", (await limited.HtmlAsync()).QuerySelector("h1")?.TextContent);
        Assert.True(limited.Headers.Contains("Retry-After"));

        // Another account from the same address: its own limit (3) is not reached, the address's (5) is.
        var other = factory.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await other.LoginAsync(World.SchoolB1User, "verkeerd-wachtwoord")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Pages other than the login are not limited.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/inloggen")).StatusCode);
    }
}
