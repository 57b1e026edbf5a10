using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// The portal in-process on a real SQLite file of its own (migrations applied by the app's start-up),
/// in the "Testing" environment, which behaves like production: HTTPS, secure cookies, no stack traces.
/// Seeds a small <see cref="World"/> that most tests share; tests add what else they need.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string TestPassword = "Test-wachtwoord-123";

    public PortalFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "zb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }
    public string MailDirectory => Path.Combine(DataDirectory, "mail");
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Extra settings for a derived factory, applied as host settings.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string Environment => "Testing";

    private World? _world;

    public World World => _world ??= World.SeedAsync(Services).GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("https_port", "443");
        // Most tests log in many times and are not about 2FA or the login rate limit; those have their own factories.
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Security:LoginRateLimit:PerAddress", "100000");
        builder.UseSetting("Security:LoginRateLimit:PerAccount", "100000");
        // The daily reminder job is run by its tests directly, not by a background timer.
        builder.UseSetting("Reminders:Scheduled", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpointStartupFilter>();
        });
    }

    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned by the OS later.
        }
    }
}

/// <summary>Adds /__test/throw at the end of the pipeline, to prove how an unhandled exception looks.</summary>
internal sealed class ThrowingEndpointStartupFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Path = "/__test/throw";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use(nextMiddleware => context =>
            context.Request.Path == Path
                ? throw new InvalidOperationException("Boom: secret detail that must not leak")
                : nextMiddleware(context));
    };
}
