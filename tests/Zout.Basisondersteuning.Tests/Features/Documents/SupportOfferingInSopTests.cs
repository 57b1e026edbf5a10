using Microsoft.Extensions.DependencyInjection;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;
using static Zout.Basisondersteuning.Tests.Features.Documents.DocumentTestKit;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanTestKit;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>The SOP shows the partnership's own extra support once it is described, and the general route before that.</summary>
public sealed class SupportOfferingInSopTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => SeedYearsAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sop_ShowsThePartnershipsArrangements_OnceDescribed()
    {
        var school = await CompleteSchoolAsync(factory);
        var ib = await factory.LoggedInClientAsync(school.Ib);
        var before = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/2026-2027/sop");
        Assert.DoesNotContain("TOP-groep", before.Body!.TextContent);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await Web.Data.Seeding.DemoSupport.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), factory.Time, default);
        }

        var after = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/2026-2027/sop");
        var support = after.QuerySelector("[data-testid='partnership-support']");
        Assert.NotNull(support);
        Assert.Contains("TOP-groep", support.TextContent);
        Assert.NotEmpty(support.QuerySelectorAll("[data-testid='support-arrangement']"));
    }
}
