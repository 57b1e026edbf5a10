using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;

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
}
