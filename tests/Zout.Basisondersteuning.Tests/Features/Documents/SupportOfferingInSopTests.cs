using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Data;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// The SOP shows the partnership's own extra support once it is described, and the general route before that.
/// On the administration portal: it describes this year's support, which would show in the SOPs of the documents portal.
/// </summary>
[Collection(Portals.Administration)]
public sealed class SupportOfferingInSopTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task Sop_ShowsThePartnershipsArrangements_OnceDescribed()
    {
        await Data.CreateYearAsync(2026);
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var before = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/2026-2027/sop");
        Assert.DoesNotContain("TOP-groep", before.Body!.TextContent);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await Web.Data.Seeding.DemoSupport.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Factory.Time, default);
        }

        var after = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/2026-2027/sop");
        var support = after.QuerySelector("[data-testid='partnership-support']");
        Assert.NotNull(support);
        Assert.Contains("TOP-groep", support.TextContent);
        Assert.NotEmpty(support.QuerySelectorAll("[data-testid='sop-arrangement']"));
    }
}
