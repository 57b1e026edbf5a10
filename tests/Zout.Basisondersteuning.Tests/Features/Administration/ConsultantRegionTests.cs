using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

/// <summary>"All regions" is an explicit choice; deactivating a region never widens anyone's access (issue 14, point 5).</summary>
[Collection(Portals.Main)]
public sealed class ConsultantRegionTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    /// <summary>The active checkbox as a browser sends it when checked (its hidden "false" comes second and is not bound).</summary>
    private static void Active(Dictionary<string, string> fields) => fields["Input.IsActive"] = "true";

    [Fact]
    public async Task ConsultantWhoseOnlyRegionIsDeactivated_SavedByAnAdmin_DoesNotSeeEverySchool()
    {
        var region = await Data.CreateRegionAsync();
        var board = await Data.CreateBoardAsync();
        var own = await Data.CreateSchoolAsync(s => s.InBoard(board).InRegion(region));
        var contact = await Data.CreateUserAsync(u => u.Consultant(region));
        var consultant = await Factory.LoggedInClientAsync(contact);
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync($"/school/{own.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync($"/school/{World.SchoolA1Code}")).StatusCode);

        // Deactivated as the structure page does it: a saved change, which raises the structure counter the account cache follows.
        await Factory.WithDbAsync(async db =>
        {
            (await db.Regions.SingleAsync(r => r.Id == region.Id)).IsActive = false;
            return await db.SaveChangesAsync();
        });
        // The admin opens the consultant and saves the form as it is.
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = await admin.GetHtmlAsync($"/beheer/gebruikers/{contact.Id}");
        Assert.NotNull(page.QuerySelector($"#Input_RegionIds_{region.Id}[checked]"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "[data-testid='user-form']", Active)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync($"/school/{World.SchoolA1Code}")).StatusCode);
        // An inactive region counts for nobody: its schools are out of sight too, unless the consultant is their contact person.
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync($"/school/{own.Code}")).StatusCode);
        var stored = await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == contact.Id).Select(u => new { u.AllRegions, Regions = u.Regions.Select(r => r.Id).ToList() }).SingleAsync());
        Assert.False(stored.AllRegions);
        Assert.Equal([region.Id], stored.Regions);
    }

    [Fact]
    public async Task ConsultantWhoseRegionIsDeactivated_StillSeesTheSchoolsTheyAreContactPersonFor()
    {
        var region = await Data.CreateRegionAsync();
        var board = await Data.CreateBoardAsync();
        var contact = await Data.CreateUserAsync(u => u.Consultant(region));
        var school = await Data.CreateSchoolAsync(s => s.InBoard(board).InRegion(World.North).ContactPerson(contact));
        // Deactivated as the structure page does it: a saved change, which raises the structure counter the account cache follows.
        await Factory.WithDbAsync(async db =>
        {
            (await db.Regions.SingleAsync(r => r.Id == region.Id)).IsActive = false;
            return await db.SaveChangesAsync();
        });

        var consultant = await Factory.LoggedInClientAsync(contact);
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync($"/school/{school.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync($"/school/{World.SchoolB1Code}")).StatusCode);
    }

    [Fact]
    public async Task EditForm_AllRegionsIsAnExplicitChoice_AndChosenRegionsNeedOne()
    {
        var region = await Data.CreateRegionAsync();
        var contact = await Data.CreateUserAsync(u => u.Consultant(region));
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = await admin.GetHtmlAsync($"/beheer/gebruikers/{contact.Id}");
        Assert.NotNull(page.QuerySelector("#Input_AllRegions_False[checked]"));
        Assert.Null(page.QuerySelector("#Input_AllRegions[checked]"));

        var none = await admin.SubmitAsync(page, "[data-testid='user-form']", fields =>
        {
            Active(fields);
            fields.Remove("Input.RegionIds");
        });
        var errors = await none.HtmlAsync();
        Assert.Contains("Kies ten minste één regio", errors.QuerySelector("[data-testid='error-Input_RegionIds']")?.TextContent);
        Assert.False(await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == contact.Id).Select(u => u.AllRegions).SingleAsync()));

        var all = await admin.SubmitAsync(page, "[data-testid='user-form']", fields =>
        {
            Active(fields);
            fields["Input.AllRegions"] = "True";
        });
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == contact.Id).Select(u => u.AllRegions).SingleAsync()));
        var consultant = await Factory.LoggedInClientAsync(contact);
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync($"/school/{World.SchoolA1Code}")).StatusCode);
    }

    [Fact]
    public async Task Invite_Consultant_WithoutTheRegionChoice_ShowsADutchError()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var response = await admin.PostFormAsync("/beheer/gebruikers/uitnodigen", "/beheer/gebruikers/uitnodigen", new Dictionary<string, string>
        {
            ["Input.Email"] = $"consultant-{Guid.NewGuid():N}@test.example",
            ["Input.DisplayName"] = "Nieuwe consultant",
            ["Input.Role"] = "Consultant",
        });
        Assert.Contains("alle regio's ziet, of alleen de gekozen", (await response.HtmlAsync()).QuerySelector("[data-testid='error-Input_AllRegions']")?.TextContent);
    }
}
