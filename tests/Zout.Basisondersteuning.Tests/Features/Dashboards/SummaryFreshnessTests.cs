using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Data.Interceptors;
using Zout.Basisondersteuning.Web.Domain.Dashboards;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>The summaries follow the scan form: a saved section shows on the dashboard at once.</summary>
public sealed class SummaryFreshnessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SavingASection_UpdatesTheSchoolDashboard()
    {
        await ScanTestKit.SeedYearsAsync(factory);
        var school = await ScanTestKit.NewSchoolAsync(factory);
        var client = await factory.LoggedInClientAsync(school.Ib);
        var dashboard = $"/school/{school.Code}/dashboard?jaar={ScanTestKit.CurrentYear}";

        var before = await client.GetHtmlAsync(dashboard);
        Assert.Equal("Niet begonnen", before.QuerySelector("[data-testid='scan-status']")!.TextContent.Trim());

        await ScanTestKit.SaveOkAsync(client, school.Section("domein-taal-lezen"), ScanTestKit.CompleteTaal);
        var after = await client.GetHtmlAsync(dashboard);
        Assert.Equal("Concept", after.QuerySelector("[data-testid='scan-status']")!.TextContent.Trim());
        var row = after.QuerySelectorAll("[data-testid='table-niveaus'] tbody tr").Single(r => r.Children[0].TextContent.Trim() == "Taal en lezen");
        Assert.Equal("3 (vorig jaar –)", row.Children[1].TextContent.Trim());
        Assert.Equal("2,5", row.Children[3].TextContent.Trim());

        await ScanTestKit.SaveOkAsync(client, school.Section("domein-taal-lezen"), new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 4, Text: "Nu sterk."),
            ["d:taal-lezen:aanbod"] = new(Level: 2, Target: 3, Text: "We kiezen dit jaar een nieuwe methode."),
        });
        var changed = await client.GetHtmlAsync(dashboard);
        var changedRow = changed.QuerySelectorAll("[data-testid='table-niveaus'] tbody tr").Single(r => r.Children[0].TextContent.Trim() == "Taal en lezen");
        Assert.Equal("4 (vorig jaar –)", changedRow.Children[1].TextContent.Trim());
    }

    /// <summary>
    /// A rebuild raises the stamp counter first and holds it until its transaction commits, so a second rebuild
    /// waits and gets the higher stamp: readers never find a row with a stamp below one they have seen.
    /// </summary>
    [Fact]
    public async Task Rebuilds_TakeStampsFromTheCounter_AndASecondOneWaitsForTheFirstToCommit()
    {
        await ScanTestKit.SeedYearsAsync(factory);
        var school = await ScanTestKit.NewSchoolAsync(factory);
        var client = await factory.LoggedInClientAsync(school.Ib);
        await ScanTestKit.SaveOkAsync(client, school.Section("domein-taal-lezen"), ScanTestKit.CompleteTaal);
        var scanId = await factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Id).SingleAsync());
        Assert.Equal(await CounterAsync(), await StampAsync(scanId));

        await using var firstScope = factory.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        long? firstStamp = null;
        Task? second = null;
        await first.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await first.Database.BeginTransactionAsync();
            await ScanSummaryWriter.RebuildAsync(first, [scanId], CancellationToken.None);
            firstStamp = await first.ScanSummaries.Where(s => s.ScanId == scanId).Select(s => s.Stamp).SingleAsync();

            second = Task.Run(async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await ScanSummaryWriter.RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), [scanId], CancellationToken.None);
            });
            await Task.WhenAny(second, Task.Delay(500));
            Assert.False(second.IsCompleted, "The second rebuild did not wait for the first one's transaction.");
            await transaction.CommitAsync();
        });

        await second!;
        var secondStamp = await StampAsync(scanId);
        Assert.True(secondStamp > firstStamp, $"stamp {secondStamp} after {firstStamp}");
        Assert.Equal(secondStamp, await CounterAsync());
    }

    private Task<long> StampAsync(int scanId) =>
        factory.WithDbAsync(db => db.ScanSummaries.Where(s => s.ScanId == scanId).Select(s => s.Stamp).SingleAsync());

    private Task<long> CounterAsync() =>
        factory.WithDbAsync(db => db.ChangeCounters.Where(c => c.Name == ChangeCounter.ScanSummaries).Select(c => c.Value).SingleAsync());
}
