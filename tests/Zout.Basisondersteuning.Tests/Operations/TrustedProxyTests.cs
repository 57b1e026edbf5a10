using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>A portal behind a known proxy (10.20.0.2), with a per-address login limit of 3, whose requests can come from any address.</summary>
public sealed class ProxiedPortalFactory : PortalFactory
{
    public const string Proxy = "10.20.0.2";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = Proxy,
        ["Security:LoginRateLimit:PerAddress"] = "3",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>());
    }
}

/// <summary>X-Forwarded-For is believed only from a configured proxy (issue 14, point 4).</summary>
public sealed class TrustedProxyTests(ProxiedPortalFactory factory, ITestOutputHelper output)
    : PortalTest<ProxiedPortalFactory>(factory, output), IClassFixture<ProxiedPortalFactory>
{
    private static async Task<HttpResponseMessage> FailedLoginAsync(HttpClient client, string email, string peer, string? forwardedFor)
    {
        var token = await client.AntiforgeryTokenAsync("/account/inloggen");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = "verkeerd-wachtwoord",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedAddress_IsIgnored_ByTheLoginLimitAndTheAuditLog()
    {
        var client = Factory.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            // A different account each time, so only the per-address limit can stop it; a different forged address each time.
            var user = await Data.CreateUserAsync(u => u.Admin());
            statuses.Add((await FailedLoginAsync(client, user.Email, "203.0.113.7", $"198.51.100.{i}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var addresses = await Factory.WithDbAsync(db => db.AuditLog.Where(e => e.Action == AuditActions.LoginFailed).Select(e => e.IpAddress).Distinct().ToListAsync());
        Assert.Contains("203.0.113.7", addresses);
        Assert.DoesNotContain(addresses, a => a != null && a.StartsWith("198.51.100.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedFor_FromTheConfiguredProxy_IsBelieved()
    {
        var client = Factory.CreatePortalClient();
        var user = await Data.CreateUserAsync(u => u.Admin());
        Assert.Equal(HttpStatusCode.OK, (await FailedLoginAsync(client, user.Email, ProxiedPortalFactory.Proxy, "192.0.2.44")).StatusCode);
        var address = await Factory.WithDbAsync(db => db.AuditLog.Where(e => e.Action == AuditActions.LoginFailed && e.Subject == user.Email).Select(e => e.IpAddress).SingleAsync());
        Assert.Equal("192.0.2.44", address);
    }
}
