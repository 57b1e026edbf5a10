using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Interceptors;
using Zout.Basisondersteuning.Web.Infrastructure.Storage;

namespace Zout.Basisondersteuning.Web.Infrastructure.Database;

public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<AuditableEntityInterceptor>();
        services.AddSingleton<ScanSummaryInterceptor>();
        services.AddSingleton<CacheCounterInterceptor>();
        // The change counters the caches in memory follow (ADR 062).
        services.AddSingleton<LocalChanges>();
        services.AddScoped<ChangeStamps>();
        services.AddSingleton<PartnershipName>();

        if (options.IsSqlite)
        {
            var synchronousFull = options.SqliteSynchronous.ToUpperInvariant() switch
            {
                "NORMAL" => false,
                "FULL" => true,
                _ => throw new InvalidOperationException($"Unknown Database:SqliteSynchronous '{options.SqliteSynchronous}'. Use Normal or Full."),
            };
            var pragmas = new SqlitePragmaInterceptor(options.SqliteBusyTimeoutMilliseconds, synchronousFull);
            // One per registration, so per database file: this process's writers take turns in order (ADR 068).
            services.AddSingleton(_ => new SqliteWriteGate(TimeSpan.FromMilliseconds(options.SqliteBusyTimeoutMilliseconds)));
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, db) => db
                .UseSqlite(SqliteConnectionString(options, sp.GetRequiredService<StoragePaths>()),
                    sqlite => sqlite.ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d)))
                .AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<ScanSummaryInterceptor>(), sp.GetRequiredService<CacheCounterInterceptor>(), pragmas)
                .AddInterceptors(options.SqliteWriteGate ? [sp.GetRequiredService<SqliteWriteGate>()] : []));
        }
        else if (options.IsSqlServer)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Database:ConnectionString is required for the SqlServer provider.");
            }

            services.AddDbContextPool<AppDbContext, SqlServerAppDbContext>((sp, db) => db
                .UseSqlServer(options.ConnectionString, sql => sql.EnableRetryOnFailure())
                .AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<ScanSummaryInterceptor>(), sp.GetRequiredService<CacheCounterInterceptor>()));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or SqlServer.");
        }

        return services;
    }

    public static string SqliteConnectionString(DatabaseOptions options, StoragePaths paths)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(options.ConnectionString) ? "" : options.ConnectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = Path.Combine(paths.DataDirectory, DatabaseOptions.SqliteFileName);
        }

        builder.DefaultTimeout = Math.Max(30, options.SqliteBusyTimeoutMilliseconds / 1000);
        // The app never creates the file by opening it (MigrateDatabaseAsync does, once): a database that went missing
        // (an unmounted volume) is an error that says so, not a new, empty database that the portal then fills.
        if (!(options.ConnectionString ?? "").Contains("mode", StringComparison.OrdinalIgnoreCase)) builder.Mode = SqliteOpenMode.ReadWrite;
        return builder.ToString();
    }

    /// <summary>Creates the database if needed, applies migrations and, for SQLite, turns on WAL mode.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var folder = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            if (connection.Mode == SqliteOpenMode.ReadWrite && !File.Exists(connection.DataSource))
            {
                // The first start: create the file here, the only place that may.
                connection.Mode = SqliteOpenMode.ReadWriteCreate;
                await using var create = new SqliteConnection(connection.ToString());
                await create.OpenAsync(cancellationToken);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }
}
