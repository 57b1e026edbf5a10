using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Infrastructure.Database;

namespace Zout.Basisondersteuning.Tests.Data;

/// <summary>
/// Concurrent saves on SQLite all land; the write-ahead log is checkpointed in the background, not inside a save (ADR 064).
/// </summary>
[Collection(Portals.Scans)]
public sealed class SqliteWriteTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    [Fact]
    public async Task ConcurrentSaves_OfDifferentSchools_AllLand()
    {
        var schools = new List<TestSchool>();
        for (var i = 0; i < 6; i++) schools.Add(await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff()));
        var clients = new List<HttpClient>();
        foreach (var school in schools) clients.Add(await Factory.LoggedInClientAsync(school.Ib));

        await Task.WhenAll(schools.Select((school, i) => ScanForms.SaveOkAsync(clients[i], school.Section("domein-taal-lezen"), new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 3, Text: $"Opgeslagen door school {i}."),
        })));

        for (var i = 0; i < schools.Count; i++)
        {
            var page = await clients[i].GetStringAsync(schools[i].Section("domein-taal-lezen"));
            Assert.Contains($"Opgeslagen door school {i}.", page);
        }
    }

    [Fact]
    public async Task TheWriteAheadLog_IsCheckpointedInTheBackground_NotInsideASave()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.Equal(0L, (long?)await command.ExecuteScalarAsync());
        }

        await db.InTransactionAsync(async ct =>
        {
            db.ChangeCounters.Add(new Web.Domain.Dashboards.ChangeCounter { Name = $"checkpoint-{Guid.NewGuid():N}", Value = 1 });
            return await db.SaveChangesAsync(ct);
        }, CancellationToken.None);
        var checkpointer = Factory.Services.GetRequiredService<SqliteCheckpointer>();
        var runs = checkpointer.Runs;

        // The checkpointer runs every second in tests as in production; after two more runs the log is copied.
        for (var i = 0; i < 100 && checkpointer.Runs < runs + 2; i++) await Task.Delay(100);
        Assert.True(checkpointer.Runs >= runs + 2, $"The checkpointer ran {checkpointer.Runs - runs} times in 10 s.");
        Assert.True(checkpointer.Last.LogPages >= 0);
        Assert.Equal(checkpointer.Last.LogPages, checkpointer.Last.CheckpointedPages);
    }
}
