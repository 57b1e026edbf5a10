using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>A portal with small limits on the mails anybody can make it send.</summary>
public sealed class SmallLimitsPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:PasswordResetRateLimit:PerAccount"] = "2",
        ["Security:InvitationRateLimit:PerAddress"] = "2",
    };
}

/// <summary>Forgot-password and invitation acceptance are limited, like the log-in (issue 14, point 8). A portal of its own: it counts.</summary>
public sealed class AbuseLimitsTests(SmallLimitsPortalFactory factory, ITestOutputHelper output)
    : PortalTest<SmallLimitsPortalFactory>(factory, output), IClassFixture<SmallLimitsPortalFactory>
{
    [Fact]
    public async Task ForgotPassword_IsLimitedPerAccount_WithTheDutchPage()
    {
        var user = await Data.CreateUserAsync(u => u.Admin());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await Factory.CreatePortalClient().PostFormAsync("/account/wachtwoord-vergeten", "/account/wachtwoord-vergeten",
                new Dictionary<string, string> { ["Email"] = user.Email });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("Te veel pogingen", (await response.HtmlAsync()).QuerySelector("[data-testid='error-title']")?.TextContent);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, Mails.To(Factory, user.Email).Count);
    }

    [Fact]
    public async Task InvitationAcceptance_IsLimitedPerAddress()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var client = Factory.CreatePortalClient();
            statuses.Add((await client.PostFormAsync("/account/inloggen", "/account/uitnodiging", new Dictionary<string, string>
            {
                ["Id"] = "bestaat-niet",
                ["Code"] = "geraden",
                ["Password"] = "Een-wachtwoord-123",
                ["ConfirmPassword"] = "Een-wachtwoord-123",
            })).StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }
}
