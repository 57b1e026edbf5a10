using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Interceptors;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Features.Dashboards;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>The summaries follow the scan form: a saved section shows on the dashboard at once.</summary>
[Collection(Portals.Scans)]
public sealed class SummaryFreshnessTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private Task<TestSchool> NewSchoolAsync() => Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());

    [Fact]
    public async Task SavingASection_UpdatesTheSchoolDashboard()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var dashboard = $"/school/{school.Code}/dashboard?jaar={TestData.ThisYear}";

        var before = await client.GetHtmlAsync(dashboard);
        Assert.Equal("Niet begonnen", before.QuerySelector("[data-testid='scan-status']")!.TextContent.Trim());

        await ScanForms.SaveOkAsync(client, school.Section("domein-taal-lezen"), ScanForms.CompleteTaal);
        var after = await client.GetHtmlAsync(dashboard);
        Assert.Equal("Concept", after.QuerySelector("[data-testid='scan-status']")!.TextContent.Trim());
        var row = after.QuerySelectorAll("[data-testid='table-niveaus'] tbody tr").Single(r => r.Children[0].TextContent.Trim() == "Taal en lezen");
        Assert.Equal("3 (vorig jaar –)", row.Children[1].TextContent.Trim());
        Assert.Equal("2,5", row.Children[3].TextContent.Trim());

        await ScanForms.SaveOkAsync(client, school.Section("domein-taal-lezen"), new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 4, Text: "Nu sterk."),
            ["d:taal-lezen:aanbod"] = new(Level: 2, Target: 3, Text: "We kiezen dit jaar een nieuwe methode."),
        });
        var changed = await client.GetHtmlAsync(dashboard);
        var changedRow = changed.QuerySelectorAll("[data-testid='table-niveaus'] tbody tr").Single(r => r.Children[0].TextContent.Trim() == "Taal en lezen");
        Assert.Equal("4 (vorig jaar –)", changedRow.Children[1].TextContent.Trim());
    }

    [Fact]
    public async Task TheBoardDashboard_ShowsASaveOfItsOwnSchool_AfterSavesOfAnotherBoard()
    {
        var mine = await NewSchoolAsync();
        var other = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardB).WithStaff());
        var boardUser = await Data.CreateUserAsync(u => u.BoardUser(World.BoardA));
        var board = await Factory.LoggedInClientAsync(boardUser.Email);
        var dashboard = $"/bestuur/{World.BoardA.Id}/dashboard?jaar={TestData.ThisYear}";
        string StatusOf(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
            page.QuerySelectorAll("[data-testid='table-status'] tbody tr").Single(r => r.Children[0].TextContent.Trim() == name).Children[4].TextContent.Trim();

        Assert.Equal("Niet begonnen", StatusOf(await board.GetHtmlAsync(dashboard), mine.Name));

        // A save in another board's school leaves this board's figures as they are (kept in memory, issue 12) ...
        await ScanForms.SaveOkAsync(await Factory.LoggedInClientAsync(other.Ib), other.Section("domein-taal-lezen"), ScanForms.CompleteTaal);
        Assert.Equal("Niet begonnen", StatusOf(await board.GetHtmlAsync(dashboard), mine.Name));

        // ... and a save in one of its own schools shows at once.
        await ScanForms.SaveOkAsync(await Factory.LoggedInClientAsync(mine.Ib), mine.Section("domein-taal-lezen"), ScanForms.CompleteTaal);
        Assert.Equal("Concept", StatusOf(await board.GetHtmlAsync(dashboard), mine.Name));
    }

    [Fact]
    public void TheVersionOfSomeSchools_ChangesWithTheirScansOnly()
    {
        static SummaryEntry Entry(int scanId, int schoolId, int yearId, long stamp) => SummaryEntry.From(new ScanSummary
        {
            ScanId = scanId,
            SchoolId = schoolId,
            SchoolYearId = yearId,
            Status = Web.Domain.Scans.ScanStatus.Concept,
            Stamp = stamp,
        });
        var before = new SummarySnapshot(new[] { Entry(1, 10, 1, 5), Entry(2, 10, 2, 7), Entry(3, 20, 2, 9) }.ToDictionary(e => e.ScanId), 9);
        var otherSchoolSaved = new SummarySnapshot(new[] { Entry(1, 10, 1, 5), Entry(2, 10, 2, 7), Entry(3, 20, 2, 11) }.ToDictionary(e => e.ScanId), 11);
        var mySchoolSaved = new SummarySnapshot(new[] { Entry(1, 10, 1, 12), Entry(2, 10, 2, 7), Entry(3, 20, 2, 11) }.ToDictionary(e => e.ScanId), 12);
        var myScanDeleted = new SummarySnapshot(new[] { Entry(2, 10, 2, 7), Entry(3, 20, 2, 11) }.ToDictionary(e => e.ScanId), 11);

        Assert.Equal((7L, 2), before.VersionOf([10]));
        Assert.Equal(before.VersionOf([10]), otherSchoolSaved.VersionOf([10]));
        Assert.NotEqual(before.VersionOf([10]), mySchoolSaved.VersionOf([10]));
        Assert.NotEqual(before.VersionOf([10]), myScanDeleted.VersionOf([10]));
        Assert.NotEqual(before.VersionOf([10, 20]), otherSchoolSaved.VersionOf([10, 20]));
        Assert.Equal((0L, 0), before.VersionOf([30]));

        // A kept list of schools: its version is kept per snapshot, so another snapshot gives its own.
        IReadOnlyList<SchoolInfo> mine = [new SchoolInfo(10, "10AA00", "School 10", 1, "Bestuur", null, null, null, null, null, null)];
        Assert.Equal(before.VersionOf([10]), before.VersionOf(mine));
        Assert.Equal(before.VersionOf([10]), before.VersionOf(mine));
        Assert.Equal(mySchoolSaved.VersionOf([10]), mySchoolSaved.VersionOf(mine));
        Assert.NotEqual(before.VersionOf(mine), mySchoolSaved.VersionOf(mine));
    }

    [Fact]
    public void WhatDependsOnSubmittedAndAdoptedScans_IsKeptWhileOnlyConceptsAreSaved()
    {
        static SummaryEntry Entry(int scanId, int schoolId, int yearId, Web.Domain.Scans.ScanStatus status, long stamp) => SummaryEntry.From(new ScanSummary
        {
            ScanId = scanId,
            SchoolId = schoolId,
            SchoolYearId = yearId,
            Status = status,
            Stamp = stamp,
        });
        var first = new SummarySnapshot(new[]
        {
            Entry(1, 10, 1, Web.Domain.Scans.ScanStatus.Adopted, 5), Entry(2, 10, 2, Web.Domain.Scans.ScanStatus.Concept, 6), Entry(3, 20, 2, Web.Domain.Scans.ScanStatus.Concept, 7),
        }.ToDictionary(e => e.ScanId), 7);
        var computed = 0;
        object Count() => new object[] { Interlocked.Increment(ref computed) };
        var value = first.DerivedFromFinal("k", Count);
        Assert.Equal((6L, 2), first.VersionOf([10]));

        // A concept saved: carried over, the same object; the year index has the new entry, the other year is the same.
        var conceptSaved = new SummarySnapshot(first, [Entry(2, 10, 2, Web.Domain.Scans.ScanStatus.Concept, 8)], 8);
        Assert.Same(value, conceptSaved.DerivedFromFinal("k", Count));
        Assert.Equal(first.FinalVersion, conceptSaved.FinalVersion);
        Assert.Equal(8, conceptSaved.ForYear(2)[10].Stamp);
        Assert.Equal(7, conceptSaved.ForYear(2)[20].Stamp);
        Assert.Same(first.ForYear(1)[10], conceptSaved.ForYear(1)[10]);
        Assert.Equal(6, first.ForYear(2)[10].Stamp);
        Assert.Equal(1, computed);
        Assert.Equal((8L, 2), conceptSaved.VersionOf([10]));
        Assert.Equal((7L, 1), conceptSaved.VersionOf([20]));

        // A concept submitted: computed again.
        var submitted = new SummarySnapshot(conceptSaved, [Entry(3, 20, 2, Web.Domain.Scans.ScanStatus.Submitted, 9)], 9);
        Assert.NotSame(value, submitted.DerivedFromFinal("k", Count));
        Assert.Equal(2, computed);
        Assert.Equal(9, submitted.FinalVersion);

        // A new scan of a new school year (not started): carried; an adopted scan changed (status back to concept): computed again.
        var newYear = new SummarySnapshot(submitted, [Entry(4, 10, 3, Web.Domain.Scans.ScanStatus.NotStarted, 10)], 10);
        Assert.Same(submitted.DerivedFromFinal("k", Count), newYear.DerivedFromFinal("k", Count));
        Assert.Equal(10, newYear.ForYear(3)[10].Stamp);
        Assert.Equal((10L, 3), newYear.VersionOf([10]));
        Assert.Equal((10L, 4), newYear.VersionOf([10, 20]));
        var reopened = new SummarySnapshot(newYear, [Entry(1, 10, 1, Web.Domain.Scans.ScanStatus.Concept, 11)], 11);
        reopened.DerivedFromFinal("k", Count);
        Assert.Equal(3, computed);
        Assert.Equal(submitted.FinalVersion, newYear.FinalVersion);
        Assert.Equal(11, reopened.FinalVersion);

        // What depends on every scan is never carried.
        var all = conceptSaved.Derived("all", Count);
        Assert.NotSame(all, new SummarySnapshot(conceptSaved, [Entry(2, 10, 2, Web.Domain.Scans.ScanStatus.Concept, 12)], 12).Derived("all", Count));
    }

    /// <summary>
    /// A rebuild raises the stamp counter first and holds it until its transaction commits, so a second rebuild
    /// waits and gets the higher stamp: readers never find a row with a stamp below one they have seen.
    /// The second rebuild's connection does not wait inside SQLite (busy timeout 0): SQLite refuses it the lock
    /// the first one holds, and the provider runs the statement again a moment later. SQLite reporting the same
    /// statement starting twice, or the second rebuild waiting at this process's write gate (ADR 068), is the explicit
    /// sign that it is waiting for the first.
    /// </summary>
    [Fact]
    public async Task Rebuilds_TakeStampsFromTheCounter_AndASecondOneWaitsForTheFirstToCommit()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await ScanForms.SaveOkAsync(client, school.Section("domein-taal-lezen"), ScanForms.CompleteTaal);
        var scanId = await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Id).SingleAsync());
        Assert.Equal(await CounterAsync(), await StampAsync(scanId));

        await using var firstScope = Factory.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var secondScope = Factory.Services.CreateAsyncScope();
        var secondDb = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();
        await secondDb.Database.OpenConnectionAsync();
        var secondConnection = ((SqliteConnection)secondDb.Database.GetDbConnection()).Handle;
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? previous = null;
        raw.sqlite3_busy_timeout(secondConnection, 0);
        // In this process the second rebuild waits at the write gate (ADR 068) before it reaches SQLite's lock.
        var gate = Factory.Services.GetRequiredService<SqliteWriteGate>();
        _ = Task.Run(async () =>
        {
            while (!waiting.Task.IsCompleted)
            {
                if (gate.Waiting > 0) waiting.TrySetResult();
                await Task.Delay(5);
            }
        });
        raw.sqlite3_trace(secondConnection, (_, statement) =>
        {
            var sql = statement.utf8_to_string();
            if (sql == previous) waiting.TrySetResult();
            previous = sql;
        }, null);

        long? firstStamp = null;
        Task? second = null;
        try
        {
            await first.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await first.Database.BeginTransactionAsync();
                await ScanSummaryWriter.RebuildAsync(first, [scanId], CancellationToken.None);
                firstStamp = await first.ScanSummaries.Where(s => s.ScanId == scanId).Select(s => s.Stamp).SingleAsync();

                second = Task.Run(() => ScanSummaryWriter.RebuildAsync(secondDb, [scanId], CancellationToken.None));
                Assert.True(await Task.WhenAny(waiting.Task, second) == waiting.Task, "The second rebuild finished without waiting for the first one's transaction.");
                Assert.False(second.IsCompleted, "The second rebuild finished while the first one's transaction was open.");
                await transaction.CommitAsync();
            });

            await second!;
        }
        finally
        {
            raw.sqlite3_trace(secondConnection, (delegate_trace?)null, null);
            raw.sqlite3_busy_timeout(secondConnection, 5000);
        }

        var secondStamp = await StampAsync(scanId);
        Assert.True(secondStamp > firstStamp, $"stamp {secondStamp} after {firstStamp}");
        Assert.Equal(secondStamp, await CounterAsync());
    }

    /// <summary>
    /// A save that changes only texts and target levels (nothing a summary shows) leaves the summary, its stamp and the
    /// counter as they are, so the dashboards keep what they built; a changed level rebuilds it at once (issue 15).
    /// </summary>
    [Fact]
    public async Task ASaveOfOnlyTexts_LeavesTheSummaryAsItIs_AChangedLevelRebuildsIt()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var section = school.Section("domein-taal-lezen");
        await ScanForms.SaveOkAsync(client, section, ScanForms.CompleteTaal);
        var scanId = await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Id).SingleAsync());
        var stamp = await StampAsync(scanId);
        var counter = await CounterAsync();

        await ScanForms.SaveOkAsync(client, section, new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 3, Text: "Drie leerkrachten zijn opgeleid."),
            ["d:taal-lezen:aanbod"] = new(Level: 2, Target: 4, Text: "De nieuwe methode is gekozen."),
        });
        Assert.Equal(stamp, await StampAsync(scanId));
        Assert.Equal(counter, await CounterAsync());
        Assert.Contains("Drie leerkrachten zijn opgeleid.", await client.GetStringAsync(section));

        await ScanForms.SaveOkAsync(client, section, new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 4, Text: "Drie leerkrachten zijn opgeleid."),
            ["d:taal-lezen:aanbod"] = new(Level: 2, Target: 4, Text: "De nieuwe methode is gekozen."),
        });
        Assert.True(await StampAsync(scanId) > stamp);
        var dashboard = await client.GetHtmlAsync($"/school/{school.Code}/dashboard?jaar={TestData.ThisYear}");
        var row = dashboard.QuerySelectorAll("[data-testid='table-niveaus'] tbody tr").Single(r => r.Children[0].TextContent.Trim() == "Taal en lezen");
        Assert.Equal("4 (vorig jaar –)", row.Children[1].TextContent.Trim());
    }

    /// <summary>
    /// A summary written before agreements, verandercapaciteit and key figures were in it (an older format) is rebuilt
    /// from the scan's answers when a process reads the summaries for the first time, like a missing one. A key figure
    /// the school left empty stays out of the summary: not 0.
    /// </summary>
    [Fact]
    public async Task SummaryOfAnOlderFormat_IsRebuiltWithAgreementsChangeCapacityAndKeyFigures()
    {
        var school = await Data.CreateSchoolAsync(s => s.WithAdoptedScan(2026, scan => scan.Level("taal-lezen", "aanbod", 3)
            .Agreement("1", 3).Agreement("2", 1).Capacity("visie", 2).KeyFigure("arrangementen", 5)));
        var empty = await Data.CreateSchoolAsync(s => s.WithAdoptedScan(2026, scan => scan.Agreement("1", 4).KeyFigure("arrangementen", null)));
        var scanId = await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Id).SingleAsync());
        var emptyScanId = await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == empty.Id).Select(s => s.Id).SingleAsync());
        var written = await Factory.WithDbAsync(db => db.ScanSummaries.AsNoTracking().SingleAsync(s => s.ScanId == scanId));
        Assert.Equal((ScanSummary.CurrentFormat, "1=3;2=1", "visie=2", "arrangementen=5"), (written.Format, written.Agreements, written.ChangeCapacity, written.KeyFigures));

        // As the previous version wrote it: levels, offering and finances only.
        await Factory.WithDbAsync(db => db.ScanSummaries.Where(s => s.ScanId == scanId || s.ScanId == emptyScanId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Format, 1).SetProperty(s => s.Agreements, "").SetProperty(s => s.ChangeCapacity, "").SetProperty(s => s.KeyFigures, "")));

        // A process that starts now: its first read rebuilds those summaries.
        using var cache = new ScanSummaryCache();
        var snapshot = await Factory.WithDbAsync(db => cache.GetAsync(db, default, CancellationToken.None));
        var entry = snapshot.ByScan[scanId];
        Assert.Equal(new Dictionary<string, int> { ["1"] = 3, ["2"] = 1 }, entry.Agreements);
        Assert.Equal(2, entry.ChangeCapacity["visie"]);
        Assert.Equal(5m, entry.KeyFigures["arrangementen"]);
        Assert.Equal(3, entry.Level("taal-lezen", "aanbod"));
        Assert.Empty(snapshot.ByScan[emptyScanId].KeyFigures);
        Assert.Equal(4, snapshot.ByScan[emptyScanId].Agreements["1"]);
        var rebuilt = await Factory.WithDbAsync(db => db.ScanSummaries.AsNoTracking().SingleAsync(s => s.ScanId == scanId));
        Assert.Equal((ScanSummary.CurrentFormat, "1=3;2=1"), (rebuilt.Format, rebuilt.Agreements));
    }

    private Task<long> StampAsync(int scanId) =>
        Factory.WithDbAsync(db => db.ScanSummaries.Where(s => s.ScanId == scanId).Select(s => s.Stamp).SingleAsync());

    private Task<long> CounterAsync() =>
        Factory.WithDbAsync(db => db.ChangeCounters.Where(c => c.Name == ChangeCounter.ScanSummaries).Select(c => c.Value).SingleAsync());
}
