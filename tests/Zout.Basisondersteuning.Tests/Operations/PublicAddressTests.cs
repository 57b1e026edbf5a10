using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MimeKit;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>Links in mails come from App:PublicBaseUrl, never from the request's Host header (issue 14, point 2).</summary>
[Collection(Portals.Main)]
public sealed class PublicAddressTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task ForgotPassword_WithForgedHost_IsRefused_AndNoMailIsSent()
    {
        var user = await Data.CreateUserAsync(u => u.Admin());
        var client = Factory.CreatePortalClient();
        var token = await client.AntiforgeryTokenAsync("/account/wachtwoord-vergeten");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/wachtwoord-vergeten")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Mails.To(Factory, user.Email));
    }

    [Fact]
    public async Task ForgotPassword_MailLinksToThePublicAddress()
    {
        var user = await Data.CreateUserAsync(u => u.Admin());
        var client = Factory.CreatePortalClient();
        await client.PostFormAsync("/account/wachtwoord-vergeten", "/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Email"] = user.Email });
        Assert.Contains("https://localhost/account/wachtwoord-herstellen?", Mails.To(Factory, user.Email).Single().TextBody);
    }

    [Fact]
    public void PublicBaseUrl_MissingOutsideDevelopment_RefusesToStart_WithAClearMessage()
    {
        using var portal = new PortalWithoutPublicAddress();
        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        var message = error is InvalidOperationException ? error.Message : error.InnerException?.Message ?? error.ToString();
        Assert.Contains("App:PublicBaseUrl is not set", message);
        Assert.Contains("App__PublicBaseUrl", message);
    }

    [Theory]
    [InlineData(null, "http://localhost:5080")]
    [InlineData("http://localhost:6123", "http://localhost:6123")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    public void PublicBaseUrl_InDevelopment_DefaultsToTheLaunchAddress(string? urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };
        Assert.Equal(expected, PublicUrls.FromConfiguration(configuration, development).BaseUrl);
    }

    [Fact]
    public void AllowedHosts_FollowThePublicAddress_PlusLoopback()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://basisondersteuning.swv.nl/" }).Build();
        var urls = PublicUrls.FromConfiguration(configuration, new HostingEnvironment { EnvironmentName = Environments.Production });
        Assert.Equal("https://basisondersteuning.swv.nl", urls.BaseUrl);
        Assert.Equal(["basisondersteuning.swv.nl", "localhost", "127.0.0.1", "[::1]"], urls.AllowedHosts(configuration));
    }
}

/// <summary>A portal that answers any host name (AllowedHosts "*"), to show that even then the mail links use the public address.</summary>
public sealed class AnyHostPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AllowedHosts"] = "*",
        ["App:PublicBaseUrl"] = "https://basisondersteuning.swv.example",
    };
}

public sealed class PublicAddressAnyHostTests(AnyHostPortalFactory factory, ITestOutputHelper output)
    : PortalTest<AnyHostPortalFactory>(factory, output), IClassFixture<AnyHostPortalFactory>
{
    [Fact]
    public async Task ForgotPassword_WithForgedHost_MailStillLinksToThePublicAddress()
    {
        var user = await Data.CreateUserAsync(u => u.Admin());
        var client = Factory.CreatePortalClient();
        var token = await client.AntiforgeryTokenAsync("/account/wachtwoord-vergeten");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/wachtwoord-vergeten")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Mails.To(Factory, user.Email).Single().TextBody;
        Assert.Contains("https://basisondersteuning.swv.example/account/wachtwoord-herstellen?", text);
        Assert.DoesNotContain("evil.example", text);
    }

    [Fact]
    public async Task Invitation_MailLinksToThePublicAddress()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var email = $"uitnodiging-{Guid.NewGuid():N}@test.example";
        var response = await admin.PostFormAsync("/beheer/gebruikers/uitnodigen", "/beheer/gebruikers/uitnodigen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Nieuw",
            ["Input.Role"] = "BoardUser",
            ["Input.BoardId"] = World.BoardA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("https://basisondersteuning.swv.example/account/uitnodiging?id=", Mails.To(Factory, email).Single().TextBody);
    }
}

/// <summary>The Testing environment behaves like production: without App:PublicBaseUrl it must not start.</summary>
public sealed class PortalWithoutPublicAddress : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "" };
}

/// <summary>The mails a portal wrote to its mail folder.</summary>
public static class Mails
{
    public static IReadOnlyList<MimeMessage> To(PortalFactory factory, string email) =>
        Directory.Exists(factory.MailDirectory)
            ? Directory.GetFiles(factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList()
            : [];
}
