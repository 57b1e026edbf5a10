using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Database;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>The first of two app instances on one database; a log-in limit of 3 per address.</summary>
public class FirstInstanceFactory : PortalFactory
{
    public string DatabaseFile => Path.Combine(DataDirectory, DatabaseOptions.SqliteFileName);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginRateLimit:PerAddress"] = "3",
    };
}

/// <summary>A second app instance: its own data folder (logs, mail), the first one's database.</summary>
public sealed class SecondInstanceFactory : PortalFactory
{
    public SecondInstanceFactory(FirstInstanceFactory first) =>
        DatabaseSettings = UsesSqlServer
            ? first.DatabaseSettings
            : new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={first.DatabaseFile}" };

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginRateLimit:PerAddress"] = "3",
    };

    protected override bool OwnsDatabase => false;

    /// <summary>The first instance seeded the World.</summary>
    protected override Task SeedAsync() => Task.CompletedTask;
}

/// <summary>Two in-process instances of the portal on one SQLite file, as behind a load balancer.</summary>
public sealed class TwoInstances : IAsyncLifetime, IDisposable
{
    public FirstInstanceFactory A { get; } = new();

    public SecondInstanceFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)A).InitializeAsync();
        B = new SecondInstanceFactory(A);
        await ((IAsyncLifetime)B).InitializeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        B?.Dispose();
        A.Dispose();
    }
}

/// <summary>
/// One browser, two instances behind a load balancer: the data-protection keys and the log-in limit are shared through the
/// database (issue 14, point 7).
/// </summary>
public sealed class SeveralInstancesTests(TwoInstances instances, ITestOutputHelper output)
    : PortalTest<FirstInstanceFactory>(instances.A, output), IClassFixture<TwoInstances>
{
    /// <summary>A client of each instance sharing one cookie jar, as one browser would.</summary>
    private static (HttpClient A, HttpClient B) Browser(TwoInstances instances)
    {
        var cookies = new System.Net.CookieContainer();
        var baseAddress = new Uri("https://localhost");
        return (instances.A.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies)),
            instances.B.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies)));
    }

    [Fact]
    public async Task LoggedInOnA_TheSessionAndAFormOfA_WorkOnB()
    {
        var (a, b) = Browser(instances);
        Assert.Equal(HttpStatusCode.Redirect, (await a.LoginAsync(World.Admin)).StatusCode);

        var onB = await b.GetAsync("/beheer");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);

        // The form comes from A (its antiforgery token), the post lands on B.
        var token = await a.AntiforgeryTokenAsync("/beheer/structuur/regios/nieuw");
        var name = $"Regio {Guid.NewGuid():N}"[..20];
        var post = await b.PostAsync("/beheer/structuur/regios/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.IsActive"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Regions.AnyAsync(r => r.Name == name)));

        // The keys are in the database, not in a folder of either instance.
        Assert.True(await Factory.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.False(Directory.Exists(Path.Combine(instances.A.DataDirectory, "keys")));
        Assert.False(Directory.Exists(Path.Combine(instances.B.DataDirectory, "keys")));
    }

    [Fact]
    public async Task LoginLimitPerAddress_CountsTheAttemptsOnBothInstances()
    {
        // Every request of the in-process test servers comes from the same (unknown) address: start with no counts.
        await Factory.WithDbAsync(db => db.RateLimitCounters.ExecuteDeleteAsync());
        var (a, b) = Browser(instances);
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { a, a, b, a })
        {
            var user = await Data.CreateUserAsync(u => u.Admin());
            statuses.Add((await client.LoginAsync(user.Email, "verkeerd-wachtwoord")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>A portal whose data-protection keys are encrypted with a certificate from configuration.</summary>
public sealed class CertificateKeysPortalFactory : PortalFactory
{
    public CertificateKeysPortalFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Zout.Basisondersteuning test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(Path.Combine(DataDirectory, "keys.pfx"), certificate.Export(X509ContentType.Pfx, "sleutel-wachtwoord"));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:Certificate:Path"] = "keys.pfx",
        ["DataProtection:Certificate:Password"] = "sleutel-wachtwoord",
    };
}

public sealed class CertificateProtectedKeysTests(CertificateKeysPortalFactory factory, ITestOutputHelper output)
    : PortalTest<CertificateKeysPortalFactory>(factory, output), IClassFixture<CertificateKeysPortalFactory>
{
    [Fact]
    public async Task Keys_AreEncryptedWithTheConfiguredCertificate_AndSignInWorks()
    {
        var client = Factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(World.Admin)).StatusCode);
        var keys = await Factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<!-- Warning: the key below is in an unencrypted form. -->", xml);
        });
    }
}
