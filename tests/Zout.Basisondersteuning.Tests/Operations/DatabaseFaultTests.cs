using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Database;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>
/// Fault (a) of issue 14: the database goes away (its file is gone, as when a volume is unmounted) and comes back.
/// A portal of its own: it takes that portal's database away.
/// </summary>
public sealed class DatabaseOutageTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output), IClassFixture<PortalFactory>
{
    private static async Task AssertDutch503Async(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
        var page = await response.HtmlAsync();
        Assert.Equal("De portal is even niet beschikbaar", page.QuerySelector("[data-testid='error-title']")?.TextContent);
        Assert.DoesNotContain("SqliteException", page.DocumentElement.OuterHtml);
    }

    [SkippableFact]
    public async Task DatabaseAway_EveryPageAnswersADutch503_AndThePortalRecoversByItself()
    {
        Skip.If(PortalFactory.UsesSqlServer, "This fault takes the SQLite file away; on SQL Server stop the server instead (docs/operations.md).");
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var anonymous = Factory.CreatePortalClient();
        var database = Path.Combine(Factory.DataDirectory, DatabaseOptions.SqliteFileName);
        var away = Path.Combine(Factory.DataDirectory, "weg");
        Directory.CreateDirectory(away);

        // Pooled connections hold the file open: close them, then take the files away.
        SqliteConnection.ClearAllPools();
        var files = new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists).ToList();
        foreach (var file in files) File.Move(file, Path.Combine(away, Path.GetFileName(file)));
        try
        {
            await AssertDutch503Async(await anonymous.GetAsync("/scholen"));
            await AssertDutch503Async(await admin.GetAsync("/beheer"));
            await AssertDutch503Async(await admin.GetAsync($"/school/{World.SchoolA1Code}"));
            await AssertDutch503Async(await anonymous.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@test.example" })));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health")).StatusCode);
            // Nothing made a new, empty database in its place.
            Assert.False(File.Exists(database));
        }
        finally
        {
            foreach (var file in files) File.Move(Path.Combine(away, Path.GetFileName(file)), file);
        }

        // Back: no restart needed.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/scholen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/beheer")).StatusCode);
    }
}

/// <summary>
/// Fault (d) of issue 14: the data folder's disk fills up. A small tmpfs is mounted on the portal's data folder (needs
/// root, as CI runs); it is really filled, a save fails with a clear Dutch message, the database stays intact, and saving
/// works again once there is room.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private static bool Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [SkippableFact]
    public async Task FullDisk_GivesAClearError_NotACorruptDatabase_AndSavingWorksAgainWithRoom()
    {
        Skip.If(PortalFactory.UsesSqlServer, "This fault fills the disk under the SQLite file.");
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess,
            "Fault (d) mounts a small tmpfs on the data folder: it needs Linux and root (CI runs as root).");
        var portal = new ScanPortal();
        Skip.IfNot(Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", portal.DataDirectory), "Could not mount a tmpfs (no mount permission here).");
        portal.Log.Attach(output);
        try
        {
            await ((IAsyncLifetime)portal).InitializeAsync();
            var school = await portal.Data.CreateSchoolAsync(s => s.InBoard(portal.World.BoardA).WithStaff());
            var ib = await portal.LoggedInClientAsync(school.Ib);
            var url = school.Section("domein-rekenen");
            await SaveOkAsync(ib, url, new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 2, Text: "Voor de volle schijf") });

            var database = Path.Combine(portal.DataDirectory, DatabaseOptions.SqliteFileName);
            await using (var connection = new SqliteConnection($"Data Source={database}"))
            {
                // An empty WAL file: the next write needs new room on the disk.
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }

            var filler = Path.Combine(portal.DataDirectory, "vulling.bin");
            await using (var fill = File.Create(filler))
            {
                var block = new byte[64 * 1024];
                try
                {
                    while (true) await fill.WriteAsync(block);
                }
                catch (IOException)
                {
                    // The disk is full.
                }
            }

            Assert.True(new DriveInfo(portal.DataDirectory).AvailableFreeSpace < 64 * 1024, "the disk should be full");
            var failed = await SaveSectionAsync(ib, url, new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 4, Text: "Dit past niet meer") });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            var page = await failed.HtmlAsync();
            Assert.Equal("Opslaan lukt nu niet", page.QuerySelector("[data-testid='error-title']")?.TextContent);
            Assert.Contains("opslag van de server is vol", page.QuerySelector("main")?.TextContent);

            File.Delete(filler);
            Assert.Equal("ok", await IntegrityAsync(database));
            Assert.Equal("Voor de volle schijf", await TextAsync(portal, school.Id));

            await SaveOkAsync(ib, url, new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 4, Text: "Weer ruimte") });
            Assert.Equal("Weer ruimte", await TextAsync(portal, school.Id));
        }
        finally
        {
            portal.Log.Detach();
            SqliteConnection.ClearAllPools();
            portal.Dispose();
            Run("umount", "-l", portal.DataDirectory);
            try
            {
                Directory.Delete(portal.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp clean-up.
            }
        }
    }

    private static async Task<string?> IntegrityAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string?)await command.ExecuteScalarAsync();
    }

    private static Task<string?> TextAsync(PortalFactory portal, int schoolId) =>
        portal.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == schoolId && a.ItemKey == "d:rekenen:expertise").Select(a => a.Text).SingleAsync());
}
