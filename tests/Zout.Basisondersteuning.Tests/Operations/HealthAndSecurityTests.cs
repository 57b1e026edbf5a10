using System.Net;
using System.Text.Json;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Operations;

[Collection(Portals.Main)]
public sealed class HealthAndSecurityTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task Get_Health_ReportsHealthyDatabase()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "database" && c.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/scholen");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        var page = await Factory.CreatePortalClient().GetHtmlAsync("/account/inloggen");
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Get_Http_RedirectsToHttps()
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/scholen");
        Assert.True(response.StatusCode is HttpStatusCode.RedirectKeepVerb or HttpStatusCode.TemporaryRedirect or HttpStatusCode.Redirect or HttpStatusCode.PermanentRedirect);
        Assert.StartsWith("https://", response.Location());
    }

    [Fact]
    public async Task Login_SetsSecureHttpOnlyCookie()
    {
        var response = await Factory.CreatePortalClient().LoginAsync(World.Admin);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("zb.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnhandledException_ShowsDutchPageWithReference_NoStackTrace()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/__test/throw");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(".cs:line", body);
        var page = await response.HtmlAsync();
        Assert.Equal("Er is iets misgegaan", page.QuerySelector("[data-testid='error-title']")?.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid='reference-id']")?.TextContent));
    }

    [Fact]
    public async Task Get_UnknownPage_ShowsDutchNotFound()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Pagina niet gevonden", (await response.HtmlAsync()).QuerySelector("[data-testid='error-title']")?.TextContent);
    }

    [Fact]
    public async Task Get_DevelopmentMailPage_NotAvailableOutsideDevelopment()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/dev/mail");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>A portal whose database cannot be reached.</summary>
public sealed class BrokenDatabaseFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:MigrateOnStartup"] = "false",
        ["Database:ConnectionString"] = UsesSqlServer
            ? "Server=tcp:127.0.0.1,9;Database=none;User Id=none;Password=none;Connect Timeout=2;TrustServerCertificate=True"
            : "Data Source=/nonexistent-folder/zb/none.db;Mode=ReadOnly",
    };

    protected override bool OwnsDatabase => false;

    /// <summary>There is no database to seed.</summary>
    protected override Task SeedAsync() => Task.CompletedTask;
}

public sealed class UnhealthyDatabaseTests(BrokenDatabaseFactory factory, ITestOutputHelper output)
    : PortalTest<BrokenDatabaseFactory>(factory, output), IClassFixture<BrokenDatabaseFactory>
{
    [Fact]
    public async Task Get_Health_DatabaseUnreachable_Returns503()
    {
        var response = await Factory.CreatePortalClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
    }
}
