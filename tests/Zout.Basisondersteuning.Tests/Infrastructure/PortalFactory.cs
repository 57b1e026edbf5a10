using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Extensions.Logging;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// The portal in-process on a real SQLite file of its own (migrations applied by the app's start-up),
/// in the "Testing" environment, which behaves like production: HTTPS, secure cookies, no stack traces.
/// As an xunit fixture it starts the app and seeds what its tests rely on (<see cref="SeedAsync"/>, the
/// small <see cref="World"/> by default) once; tests add what else they need through <see cref="Data"/>.
/// Its log stays off the console: <see cref="Log"/> shows it in the output of the test that is running.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestPassword = "Test-wachtwoord-123";

    private readonly Lazy<Task<World>> _world;

    /// <summary>
    /// A SQL Server connection string from the environment variable TEST_SQLSERVER: then every portal runs on a database of
    /// its own on that server (created by the migrations, dropped afterwards) instead of a SQLite file. See docs/operations.md.
    /// </summary>
    public static string? SqlServer { get; } = string.IsNullOrWhiteSpace(System.Environment.GetEnvironmentVariable("TEST_SQLSERVER"))
        ? null
        : System.Environment.GetEnvironmentVariable("TEST_SQLSERVER");

    public static bool UsesSqlServer => SqlServer is not null;

    public PortalFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "zb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        DatabaseSettings = SqlServer is null
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?>
            {
                ["Database:Provider"] = "SqlServer",
                ["Database:ConnectionString"] = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(SqlServer) { InitialCatalog = "zb_test_" + Guid.NewGuid().ToString("N") }.ConnectionString,
            };
        Data = new TestData(this);
        _world = new Lazy<Task<World>>(() => Infrastructure.World.SeedAsync(Data));
    }

    public string DataDirectory { get; }

    /// <summary>The database settings of this portal (empty: the SQLite file in its data folder); a second instance uses the same.</summary>
    public IReadOnlyDictionary<string, string?> DatabaseSettings { get; protected init; }
    public string MailDirectory => Path.Combine(DataDirectory, "mail");
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The one way tests make data: regions, boards, schools with their scans, users, school years.</summary>
    public TestData Data { get; }

    /// <summary>The app's log events, written to the output of the test that is running.</summary>
    public TestLog Log { get; } = new();

    /// <summary>The SQL the app sends: counted, and awaitable for a test that needs to know a request got that far.</summary>
    public SqlCommands Sql { get; } = new();

    /// <summary>The small partnership of <see cref="Infrastructure.World"/>, seeded once on the first call.</summary>
    public Task<World> WorldAsync() => _world.Value;

    /// <summary>The seeded World; the portal seeds it when it starts (see <see cref="SeedAsync"/>).</summary>
    public World World => _world is { IsValueCreated: true, Value.IsCompletedSuccessfully: true }
        ? _world.Value.Result
        : throw new InvalidOperationException("The World is not seeded on this portal: await WorldAsync() first.");

    /// <summary>Extra settings for a derived factory, applied as host settings.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string Environment => "Testing";

    /// <summary>What every test of this portal relies on, seeded once when the portal starts: the World by default.</summary>
    protected virtual async Task SeedAsync() => await WorldAsync();

    async Task IAsyncLifetime.InitializeAsync()
    {
        StartServer();
        await SeedAsync();
    }

    // xunit calls Dispose right after this.
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("https_port", "443");
        // The log goes to the test's output (and the data folder's log file), not to the console of the test run.
        builder.UseSetting("Serilog:Console", "false");
        // Most tests log in many times and are not about 2FA or the login rate limit; those have their own factories.
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Security:LoginRateLimit:PerAddress", "100000");
        builder.UseSetting("Security:LoginRateLimit:PerAccount", "100000");
        builder.UseSetting("Security:PasswordResetRateLimit:PerAddress", "100000");
        builder.UseSetting("Security:PasswordResetRateLimit:PerAccount", "100000");
        builder.UseSetting("Security:InvitationRateLimit:PerAddress", "100000");
        builder.UseSetting("Security:RescuedFormRateLimit:PerAddress", "100000");
        // Outside Development the public address is required; mails link to it (the test client's own address).
        builder.UseSetting("App:PublicBaseUrl", "https://localhost");
        // The tests read the mails from the folder: on purpose, so /health need not warn about it.
        builder.UseSetting("Email:AllowFolderOutsideDevelopment", "true");
        // The daily reminder job is run by its tests directly, not by a background timer.
        builder.UseSetting("Reminders:Scheduled", "false");
        // Likewise the daily notification digest (Infrastructure/Notifications).
        builder.UseSetting("Notifications:Scheduled", "false");
        // Chromium starts with the first document a test asks for, not with every portal (the warm-up has its own test).
        builder.UseSetting("Pdf:WarmUpAtStart", "false");
        foreach (var (key, value) in DatabaseSettings) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            // Tests log in hundreds of times: one PBKDF2 round instead of 100,000 (the hash format stays the same).
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
            services.AddSingleton<ILogEventSink>(Log);
            // The app sends framework and request logs through Serilog's static logger, which is one per process:
            // with many portals in the test process, each writes to its own logger instead.
            services.AddSingleton<ILoggerFactory>(sp => new SerilogLoggerFactory(sp.GetRequiredService<Serilog.ILogger>()));
            services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);
            services.ConfigureDbContext<SqliteAppDbContext>((_, options) => options.AddInterceptors(Sql));
            services.ConfigureDbContext<SqlServerAppDbContext>((_, options) => options.AddInterceptors(Sql));
            services.AddSingleton<IStartupFilter, ThrowingEndpointStartupFilter>();
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

    /// <summary>False for a second instance on another portal's database: the first drops it.</summary>
    protected virtual bool OwnsDatabase => true;

    private void DropSqlServerDatabase()
    {
        try
        {
            using var scope = Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureDeleted();
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.SqlClient.SqlException)
        {
            // The server went away or the portal never started: nothing to drop.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && UsesSqlServer && OwnsDatabase) DropSqlServerDatabase();
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
internal sealed class ThrowingEndpointStartupFilter : IStartupFilter
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
