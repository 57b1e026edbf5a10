using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Tests.Data;

[Collection(Portals.Main)]
public sealed class MigrationTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQLite migration: run dotnet ef migrations add.");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a SQL Server migration: run dotnet ef migrations add.");
    }

    [Fact]
    public void SqlServerCreateScript_CanBeGenerated()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Schools]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Schools_LocationCode]", script);
        Assert.Contains("datetimeoffset", script);
        Assert.All(db.Database.GetMigrations(), id => Assert.Contains(id, script));
    }

    [Fact]
    public async Task Startup_AppliesAllSqliteMigrations_ToAFileInWalMode()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.IsType<SqliteAppDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(File.Exists(Path.Combine(Factory.DataDirectory, "basisondersteuning.db")));

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(5000L, (long?)await command.ExecuteScalarAsync());
        // NORMAL (1): in WAL mode a commit does not wait for the disk (ADR 063).
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
    }
}

/// <summary>The stamp counter of the dashboards' summaries starts above the stamps of an existing database.</summary>
public sealed class ChangeCounterMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zb-counter-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migration_StartsTheCounterAtTheHighestStampThereIs()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options;
        await using (var db = new SqliteAppDbContext(options))
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var counters = all.Single(m => m.EndsWith("_ChangeCounters", StringComparison.Ordinal));
            await migrator.MigrateAsync(all[all.IndexOf(counters) - 1]);

            // Summaries written before the counter existed (foreign keys off: only the stamps matter here).
            await db.Database.ExecuteSqlRawAsync(
                "PRAGMA foreign_keys = OFF; INSERT INTO ScanSummaries (ScanId, SchoolId, SchoolYearId, Status, Stamp, Levels, Offering, Finances) VALUES (1, 1, 1, 0, 41, '', '', ''), (2, 1, 1, 0, 57, '', '', '');");
            await migrator.MigrateAsync();
        }

        await using (var db = new SqliteAppDbContext(options))
        {
            Assert.Equal(57, await db.ChangeCounters.Where(c => c.Name == Web.Domain.Dashboards.ChangeCounter.ScanSummaries).Select(c => c.Value).SingleAsync());
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}

/// <summary>Consultants who had no regions (which meant "all regions") keep seeing every school after the migration, now by the flag.</summary>
public sealed class AllRegionsMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zb-regions-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migration_GivesConsultantsWithoutRegionsAllRegions_AndNobodyElse()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options;
        await using (var db = new SqliteAppDbContext(options))
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var allRegions = all.Single(m => m.EndsWith("_AllRegionsSharedKeysAndLimits", StringComparison.Ordinal));
            await migrator.MigrateAsync(all[all.IndexOf(allRegions) - 1]);

            // Role 2 is a consultant, 1 an admin; only 'regional' has a region.
            await db.Database.ExecuteSqlRawAsync("""
                PRAGMA foreign_keys = OFF;
                INSERT INTO AspNetUsers (Id, DisplayName, Role, IsDirector, IsActive, CreatedAt, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ('everywhere', 'A', 2, 0, 1, 0, 1, 0, 0, 1, 0), ('regional', 'B', 2, 0, 1, 0, 1, 0, 0, 1, 0), ('admin', 'C', 1, 0, 1, 0, 1, 0, 0, 1, 0);
                INSERT INTO Regions (Id, Name, IsActive, CreatedAt, UpdatedAt) VALUES (7, 'Noord', 1, 0, 0);
                INSERT INTO UserRegions (AppUserId, RegionsId) VALUES ('regional', 7);
                """);
            await migrator.MigrateAsync();
        }

        await using (var db = new SqliteAppDbContext(options))
        {
            var flags = await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.AllRegions }).ToListAsync();
            Assert.Equal([("admin", false), ("everywhere", true), ("regional", false)], flags.Select(f => (f.Id, f.AllRegions)));
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
