using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Features.Structure;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

/// <summary>
/// /beheer/samenwerkingsverband: the partnership's name and contact details, which the Ouderrapport prints. A portal of its
/// own: it changes the one partnership every page shows.
/// </summary>
public sealed class PartnershipSettingsTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output), IClassFixture<PortalFactory>
{
    private const string Page = "/beheer/samenwerkingsverband";
    private const string Form = "[data-testid='partnership-form']";

    [Fact]
    public async Task Admin_SavesTheContactDetails_WhichTheOuderrapportPrints()
    {
        await Data.CreateYearAsync(2026, y => y.ScanOpenOnTheTestDate());
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var form = await admin.GetHtmlAsync(Page);
        Assert.Equal("SWV Testregio", form.Value("#Input_Name"));

        var saved = await admin.SubmitAsync(form, Form, new Dictionary<string, string>
        {
            ["Input.Phone"] = "030 123 40 00",
            ["Input.Email"] = "info@swv-test.example",
            ["Input.Website"] = "www.swv-test.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("De gegevens van het samenwerkingsverband zijn opgeslagen.", (await admin.GetHtmlAsync(Page)).QuerySelector("[data-testid='flash']")!.TextContent.Trim());
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.PartnershipChanged && e.Actor == World.Admin)));

        var ib = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var report = await ib.GetHtmlAsync($"/school/{World.SchoolA1.Code}/documenten/{TestData.ThisYear}/ouderrapport");
        var contact = report.QuerySelector("[data-testid='parent-contact']")!;
        Assert.Contains("contact opnemen met het samenwerkingsverband, SWV Testregio:", contact.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Telefoon: 030 123 40 00", "E-mail: info@swv-test.example", "Website: www.swv-test.example"],
            contact.QuerySelectorAll("[data-testid='partnership-contact'] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_BadInput_ShowsDutchMessagesNextToTheFields_AndSavesNothing()
    {
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var before = await Factory.WithDbAsync(db => db.Partnerships.AsNoTracking().SingleAsync());
        var response = await admin.SubmitAsync(await admin.GetHtmlAsync(Page), Form, new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Phone"] = "030-12",
            ["Input.Email"] = "info-at-swv",
            ["Input.Website"] = "swv",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        string Error(string field) => page.QuerySelector($"[data-testid='error-Input_{field}']")!.TextContent.Trim();
        Assert.Equal("Vul de naam van het samenwerkingsverband in.", Error("Name"));
        Assert.Equal("Vul een telefoonnummer in van minstens 10 cijfers, zoals 030 123 40 00.", Error("Phone"));
        Assert.Equal("Vul een geldig e-mailadres in, zoals info@swv.nl.", Error("Email"));
        Assert.Equal("Vul een webadres in, zoals https://www.swv.nl of www.swv.nl.", Error("Website"));
        Assert.Equal("info-at-swv", page.Value("#Input_Email"));
        var after = await Factory.WithDbAsync(db => db.Partnerships.AsNoTracking().SingleAsync());
        Assert.Equal((before.Name, before.Phone, before.Email, before.UpdatedAt), (after.Name, after.Phone, after.Email, after.UpdatedAt));
    }

    [Fact]
    public async Task TwoAdmins_TheSecondSeesTheFirstsChange_AndOverwritesNothing()
    {
        var first = await Factory.LoggedInClientAsync(World.Admin);
        var second = await Factory.LoggedInClientAsync(World.Admin);
        var theirs = await first.GetHtmlAsync(Page);
        var mine = await second.GetHtmlAsync(Page);
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(theirs, Form, new Dictionary<string, string> { ["Input.City"] = "Zeist" })).StatusCode);

        var stale = await second.SubmitAsync(mine, Form, new Dictionary<string, string> { ["Input.City"] = "Utrecht" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.HtmlAsync();
        Assert.Contains(StructureForms.ConflictMessage, page.QuerySelector("[data-testid='error-summary']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Zeist", page.Value("#Input_City"));
        Assert.Equal("Zeist", await Factory.WithDbAsync(db => db.Partnerships.Select(p => p.City).SingleAsync()));
    }

    [Theory]
    [InlineData(World.Consultant)]
    [InlineData(World.SchoolA1Director)]
    [InlineData(World.BoardAUser)]
    public async Task NotAnAdmin_Forbidden(string email)
    {
        var client = await Factory.LoggedInClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        var post = await client.PostFormAsync("/account/wachtwoord-wijzigen", Page, new Dictionary<string, string> { ["Input.Name"] = "Overgenomen", ["Input.ShortName"] = "X" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("SWV Testregio", await Factory.WithDbAsync(db => db.Partnerships.Select(p => p.Name).SingleAsync()));
    }
}
