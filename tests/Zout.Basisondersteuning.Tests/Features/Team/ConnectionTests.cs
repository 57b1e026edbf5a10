using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>The verbinder: from a request to the schools that are strong in it, a proposal, the other school's answer, both pages, the count on the dashboard.</summary>
[Collection(Portals.Team)]
public sealed class ConnectionTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    [Fact]
    public async Task Connection_FromARequest_ToASchoolAtLevelFour_AcceptedWithContactDetails_ShowsOnBothSchools()
    {
        var (consultant, school, region, _) = await Data.ConsultantWithSchoolAsync();
        var strong = await Data.CreateSchoolAsync(s => s.InRegion(region).WithStaff()
            .WithScan(2026, scan => scan.Submitted().Level("rekenen", "expertise", 4)));
        var weak = await Data.CreateSchoolAsync(s => s.InRegion(region).WithScan(2026, scan => scan.Submitted().Level("rekenen", "expertise", 2)));

        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var form = await ib.GetHtmlAsync($"/school/{school.Code}/vragen/nieuw");
        var requestId = TeamPages.IdFrom(await ib.SubmitAsync(form, "form[data-testid='request-form']", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(SupportRequestKind.Connect),
            ["Input.Subject"] = "Wie is sterk in rekenen?",
            ["Input.Description"] = "We willen leren van een school met rekenexpertise.",
            ["Input.DomainKey"] = "rekenen",
            ["Input.AspectKey"] = "expertise",
        }));

        var staff = await Factory.LoggedInClientAsync(consultant);
        var request = await staff.GetHtmlAsync($"/school/{school.Code}/vragen/{requestId}");
        var proposeUrl = request.QuerySelector("[data-testid='connect-link']")!.GetAttribute("href")!;
        var propose = await staff.GetHtmlAsync(proposeUrl);
        Assert.Equal("Rekenen – Expertise", propose.Text("connection-topic"));
        var candidates = propose.TestIds("candidate", "value");
        Assert.Contains(strong.Code, candidates);
        Assert.DoesNotContain(weak.Code, candidates);
        Assert.DoesNotContain(school.Code, candidates);
        Assert.Contains(school.Ib, propose.Value("#Input_RequesterContact"), StringComparison.Ordinal);

        var proposed = await staff.SubmitAsync(propose, "form[data-testid='connection-form']", new Dictionary<string, string>
        {
            ["Input.School"] = strong.Code,
            ["Input.Message"] = "Mogen zij een keer bij jullie kijken bij de rekenles?",
        });
        var id = TeamPages.IdFrom(proposed);

        // The other school's users get a mail naming the schools and the topic; the asking school's content stays out.
        var mail = Assert.Single(Factory.MailsTo(strong.Ib));
        Assert.Contains($"/school/{strong.Code}/verbindingen/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("rekenexpertise", mail.TextBody, StringComparison.Ordinal);

        // Before the answer the asking school does not see the other's contact details.
        Assert.Contains("Nog niet gedeeld", (await ib.GetHtmlAsync($"/school/{school.Code}/verbindingen/{id}")).Text("offering-contact"), StringComparison.Ordinal);
        // Only the asked school answers.
        Assert.Equal(HttpStatusCode.NotFound, (await ib.PostFormAsync($"/school/{school.Code}/vragen", $"/school/{school.Code}/verbindingen/{id}/antwoord",
            new Dictionary<string, string> { ["Answer.Choice"] = "accepteren", ["Answer.OfferingContact"] = "x" })).StatusCode);

        var other = await Factory.LoggedInClientAsync(strong.Ib);
        var answerPage = await other.GetHtmlAsync($"/school/{strong.Code}/verbindingen/{id}");
        var missingContact = await other.SubmitAsync(answerPage, "form[data-testid='answer-form']", new Dictionary<string, string> { ["Answer.Choice"] = "accepteren" });
        Assert.Contains("contactgegevens", (await missingContact.HtmlAsync()).Text("error-Answer_OfferingContact"), StringComparison.Ordinal);
        var accepted = await other.SubmitAsync(answerPage, "form[data-testid='answer-form']", new Dictionary<string, string>
        {
            ["Answer.Choice"] = "accepteren",
            ["Answer.OfferingContact"] = "Petra (rekenspecialist), petra@sterk.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        foreach (var (client, code) in new[] { (ib, school.Code), (other, strong.Code) })
        {
            var page = await client.GetHtmlAsync($"/school/{code}");
            var line = Assert.Single(page.QuerySelectorAll("[data-testid='connection']"));
            Assert.Equal(nameof(ConnectionStatus.Accepted), line.GetAttribute("data-status"));
        }

        var asking = await ib.GetHtmlAsync($"/school/{school.Code}");
        Assert.Equal("Contact: Petra (rekenspecialist), petra@sterk.example", asking.Text("connection-contact"));
        Assert.Contains(Factory.MailsTo(school.Ib), m => (m.Subject ?? "").Contains("doet mee", StringComparison.Ordinal));

        // A second answer is refused: the proposal is answered.
        var twice = await other.SubmitAsync(answerPage, "form[data-testid='answer-form']", new Dictionary<string, string> { ["Answer.Choice"] = "afwijzen" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(ConnectionStatus.Accepted, await Factory.WithDbAsync(db => db.SchoolConnections.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));

        // The partnership dashboard counts the connection made, in this region.
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var dashboard = await admin.GetHtmlAsync($"/swv/dashboard?jaar={TeamPages.Year}&regio={region.Id}");
        Assert.StartsWith("1 verbinding gemaakt", dashboard.Text("connections-made"), StringComparison.Ordinal);
        var row = Assert.Single(dashboard.Rows("verbindingen"));
        Assert.Equal([region.Name, "0", "1", "0", "1"], row);
    }

    [Fact]
    public async Task Connection_FromADevelopmentPoint_OffersTheSchoolsAtLevelFour_AndOnlyStaffSeeTheLink()
    {
        var (consultant, school, region, _) = await Data.ConsultantWithSchoolAsync();
        var strong = await Data.CreateSchoolAsync(s => s.InRegion(region).WithStaff()
            .WithScan(2026, scan => scan.Submitted().Level("rekenen", "expertise", 4)));
        var pointId = await Data.CreateDevelopmentPointAsync(school, 2026, p => p.Titled("Rekenexpertise in het team"));

        var staff = await Factory.LoggedInClientAsync(consultant);
        var points = await staff.GetHtmlAsync($"/school/{school.Code}/ontwikkelpunten?jaar={TeamPages.Year}");
        var link = Assert.Single(points.QuerySelectorAll("[data-testid='connect-point']"));
        Assert.Equal($"/school/{school.Code}/verbindingen/nieuw?ontwikkelpunt={pointId}", link.GetAttribute("href"));
        var propose = await staff.GetHtmlAsync(link.GetAttribute("href")!);
        Assert.Equal("Rekenen – Expertise", propose.Text("connection-topic"));
        Assert.Contains(strong.Code, propose.TestIds("candidate", "value"));

        // The school itself sees its points without the consultant's link.
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        Assert.Empty((await ib.GetHtmlAsync($"/school/{school.Code}/ontwikkelpunten?jaar={TeamPages.Year}")).QuerySelectorAll("[data-testid='connect-point']"));
    }
}
