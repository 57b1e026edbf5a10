using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Authorization;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>
/// The partnership dashboard reads the first completed scan of every school once per summary snapshot (any save of a scan
/// makes a new one), not on every request: a scan that is adopted is still seen by the very next request, on this
/// instance and on another one that shares the database.
/// </summary>
public sealed class PhaseCacheTests(TwoInstances instances, ITestOutputHelper output) : IClassFixture<TwoInstances>, IDisposable
{
    private readonly PortalFactory _first = Attach(instances.First, output);
    private readonly PortalFactory _second = instances.Second;

    private static PortalFactory Attach(PortalFactory factory, ITestOutputHelper output)
    {
        factory.Log.Attach(output);
        return factory;
    }

    public void Dispose() => _first.Log.Detach();

    [Fact]
    public async Task PartnershipDashboard_AScanAdopted_ShowsTheNewPhaseAtOnce_OnBothInstances()
    {
        // This class's own pair of instances: the school years are made here (as ScanPortal does).
        await _first.Data.CreateYearAsync(2025);
        await _first.Data.CreateYearAsync(2026);
        var (_, school, region, _) = await _first.Data.ConsultantWithSchoolAsync();
        var clients = new[] { await _first.LoggedInClientAsync(World.Admin), await _second.LoggedInClientAsync(World.Admin) };
        var url = $"/swv/dashboard?jaar={TeamPages.Year}&regio={region.Id}";
        async Task<string[]> RowAsync(HttpClient client) => Assert.Single((await client.GetHtmlAsync(url)).Rows("fases-regios"));

        // Twice on each instance: the second request is answered from what the first one kept.
        foreach (var client in clients)
        {
            Assert.Equal([region.Name, "1", "0", "0", "0", "0", "1"], await RowAsync(client));
            Assert.Equal([region.Name, "1", "0", "0", "0", "0", "1"], await RowAsync(client));
        }

        await _first.Data.SetScanAsync(school, 2025, scan => scan.Adopted(new DateOnly(2026, 6, 20)));

        foreach (var client in clients)
        {
            Assert.Equal([region.Name, "0", "1", "0", "0", "0", "1"], await RowAsync(client));
        }

        Assert.Equal("Scan ingevuld", (await clients[1].GetHtmlAsync($"/school/{school.Code}")).Text("school-phase"));
    }
}
