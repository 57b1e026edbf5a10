using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Tests.Data;

public sealed class MigrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
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
        _ = factory.World;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.IsType<SqliteAppDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "basisondersteuning.db")));

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(5000L, (long?)await command.ExecuteScalarAsync());
    }
}
