using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>Oren en ogen: signals, shared development points and requests come together as needs; the admin turns one into a joint training with registrations.</summary>
[Collection(Portals.Team)]
public sealed class NeedsAndTrainingTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    [Fact]
    public async Task Need_SharedBySchools_BecomesAJointTraining_WithMailsRegistrationsAndAnXlsx()
    {
        var (consultant, first, region, board) = await Data.ConsultantWithSchoolAsync();
        var second = await Data.CreateSchoolAsync(s => s.InRegion(region).InBoard(board).ContactPerson(consultant).WithStaff()
            .WithDevelopmentPoint(2026, p => p.For("taal-lezen", "aanbod")));
        var third = await Data.CreateSchoolAsync(s => s.InRegion(region).InBoard(board).WithStaff());
        await Data.CreateDevelopmentPointAsync(first, 2026, p => p.For("taal-lezen", "aanbod"));
        await Data.CreateDevelopmentPointAsync(first, 2026, p => p.For("rekenen", "expertise"));

        // A signal on the same domain and aspect adds the third school; one on a theme of its own stands apart.
        var staff = await Factory.LoggedInClientAsync(consultant);
        var signalForm = await staff.GetHtmlAsync("/signalen/nieuw");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(signalForm, "form[data-testid='signal-form']", new Dictionary<string, string>
        {
            ["Input.Theme"] = "Leesaanbod in de bovenbouw",
            ["Input.DomainKey"] = "taal-lezen",
            ["Input.AspectKey"] = "aanbod",
            ["Input.Schools"] = third.Code,
            ["Input.Note"] = "De bovenbouw mist een aanbod voor zwakke lezers.",
        })).StatusCode);
        var bsn = await staff.SubmitAsync(signalForm, "form[data-testid='signal-form']", new Dictionary<string, string>
        {
            ["Input.Theme"] = "Thema",
            ["Input.Schools"] = third.Code,
            ["Input.Note"] = "Leerling 111222333.",
        });
        Assert.Contains("burgerservicenummer", (await bsn.HtmlAsync()).Text("error-Input_Note"), StringComparison.Ordinal);

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var dashboard = await admin.GetHtmlAsync($"/swv/dashboard?jaar={TeamPages.Year}&regio={region.Id}");
        var needs = dashboard.Rows("behoeften");
        Assert.Equal(["Taal en lezen – Aanbod", "3", "2", "0", "1", "Scholing voorstellen"], needs[0]);
        Assert.Equal(["Rekenen – Expertise", "1", "1", "0", "0", "Scholing voorstellen"], needs[1]);

        // The admin proposes a joint training: the three schools are ticked.
        var proposeUrl = dashboard.QuerySelector("[data-testid='row-behoeften'] a[href^='/scholing/nieuw']")!.GetAttribute("href")!;
        var form = await admin.GetHtmlAsync(proposeUrl);
        var ticked = form.QuerySelectorAll("[data-testid='training-school']").Where(c => c.HasAttribute("checked")).Select(c => c.GetAttribute("value")).ToList();
        Assert.Equal(new[] { first.Code, second.Code, third.Code }.Order(StringComparer.Ordinal), ticked.Order(StringComparer.Ordinal));
        var created = await admin.SubmitWithListsAsync(form, "form[data-testid='training-form']", new Dictionary<string, string>
        {
            ["Input.FirstDate"] = "2027-02-10",
            ["Input.SecondDate"] = "2027-03-10",
            ["Input.Location"] = "Het Palet",
        });
        var id = TeamPages.IdFrom(created);
        foreach (var school in new[] { first, second, third })
        {
            Assert.Contains(Factory.MailsTo(school.Ib), m => (m.TextBody ?? "").Contains($"/school/{school.Code}/scholing", StringComparison.Ordinal));
        }

        // Two schools register interest, one declines; the list and its xlsx hold every invited school.
        await RegisterAsync(first, "true", "3");
        await RegisterAsync(second, "false", "");
        var badCount = await RegisterAsync(third, "true", "0");
        Assert.Contains("hoeveel mensen", (await badCount.HtmlAsync()).Text("error-summary"), StringComparison.Ordinal);
        await RegisterAsync(third, "true", "2");

        var detail = await admin.GetHtmlAsync($"/scholing/{id}");
        Assert.Equal("2 van de 3 uitgenodigde scholen hebben belangstelling, samen 5 deelnemers.", detail.Text("training-summary"));
        var xlsx = await admin.GetAsync($"/scholing/{id}?export=xlsx&tabel=aanmeldingen");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("3", rows.Single(r => (string)r["School"] == first.Name)["Aantal deelnemers"]?.ToString());
        Assert.Equal("Nee", rows.Single(r => (string)r["School"] == second.Name)["Belangstelling"]?.ToString());

        // Consultants read it; only the admin proposes.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/scholing/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/scholing/nieuw")).StatusCode);
        Assert.Equal(3, await Factory.WithDbAsync(db => db.JointTrainingInvitations.CountAsync(i => i.JointTrainingId == id)));
    }

    private async Task<HttpResponseMessage> RegisterAsync(TestSchool school, string interested, string participants)
    {
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var page = await client.GetHtmlAsync($"/school/{school.Code}/scholing");
        return await client.SubmitAsync(page, "form[data-testid='register-form']", new Dictionary<string, string>
        {
            ["Form.Interested"] = interested,
            ["Form.Participants"] = participants,
        });
    }
}
