using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>"Vraag aan Team BO": no pupil data, the flow from question to answer with its mails, the statuses, the age of open requests.</summary>
[Collection(Portals.Team)]
public sealed class SupportRequestTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    private static Dictionary<string, string> Request(string subject, string description) => new()
    {
        ["Input.Kind"] = nameof(SupportRequestKind.FirstAid),
        ["Input.Subject"] = subject,
        ["Input.Description"] = description,
    };

    [Theory]
    [InlineData("Een leerling met BSN 111222333 loopt vast.", "Input_Description", "burgerservicenummer")]
    [InlineData("Leerling (bsn 1112.22.333) heeft een OPP nodig", "Input_Description", "burgerservicenummer")]
    [InlineData("Geboortedatum 12-03-2016, groep 5: wat nu?", "Input_Description", "geboortedatum")]
    [InlineData("Kind van 4 april 2018 in groep 4", "Input_Description", "geboortedatum")]
    public async Task Post_Request_WithPupilData_IsRefusedInDutchNextToTheField(string description, string fieldId, string word)
    {
        var (_, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var form = await ib.GetHtmlAsync($"/school/{school.Code}/vragen/nieuw");
        Assert.NotNull(form.QuerySelector("[data-testid='no-pupil-data']"));
        Assert.Null(form.QuerySelector("input[type='file']"));

        var response = await ib.SubmitAsync(form, "form[data-testid='request-form']", Request("Vraag over gedrag", description));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        var message = page.Text($"error-{fieldId}");
        Assert.Contains(word, message, StringComparison.Ordinal);
        Assert.Contains("geen gegevens van leerlingen", message, StringComparison.Ordinal);
        Assert.Equal(description, page.Value($"#{fieldId}"));
        Assert.False(await Factory.WithDbAsync(db => db.SupportRequests.AnyAsync(r => r.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Request_Flow_FromQuestionToAnswer_WithTheMailsAndTheStatuses()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var form = await ib.GetHtmlAsync($"/school/{school.Code}/vragen/nieuw");
        var asked = await ib.SubmitAsync(form, "form[data-testid='request-form']", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(SupportRequestKind.RouteCoach),
            ["Input.Subject"] = "Hoe borgen we de leesaanpak?",
            ["Input.Description"] = "De aanpak zakt weg na een jaar.",
            ["Input.DomainKey"] = "taal-lezen",
            ["Input.AspectKey"] = "aanbod",
        });
        var id = TeamPages.IdFrom(asked);
        var url = $"/school/{school.Code}/vragen/{id}";

        // The contact person hears of it: the school and the kind, not the description.
        var toContact = Assert.Single(Factory.MailsTo(consultant.Email));
        Assert.Contains(url, toContact.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("zakt weg", toContact.TextBody, StringComparison.Ordinal);
        var request = await ib.GetHtmlAsync(url);
        Assert.Equal("Nieuw", request.Text("request-status"));
        Assert.Equal("Taal en lezen – Aanbod", request.Text("request-topic"));
        Assert.Null(request.QuerySelector("[data-testid='status-form']"));

        // The consultant answers: in behandeling, and the school's users hear of it.
        var staff = await Factory.LoggedInClientAsync(consultant);
        var staffPage = await staff.GetHtmlAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(staffPage, "form[data-testid='reply-form']",
            new Dictionary<string, string> { ["Reply.Text"] = "Ik kom langs op het spreekuur." })).StatusCode);
        Assert.Single(Factory.MailsTo(school.Ib));
        Assert.Single(Factory.MailsTo(school.Director));
        Assert.Equal("In behandeling", (await ib.GetHtmlAsync(url)).Text("request-status"));

        // The school replies: the contact person hears of it.
        var again = await ib.GetHtmlAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await ib.SubmitAsync(again, "form[data-testid='reply-form']",
            new Dictionary<string, string> { ["Reply.Text"] = "Graag, de IB-er sluit aan." })).StatusCode);
        Assert.Equal(2, Factory.MailsTo(consultant.Email).Count);
        Assert.Equal(2, (await ib.GetHtmlAsync(url)).QuerySelectorAll("[data-testid='thread-message']").Length);

        // The consultant closes it; the school sees the state in its list.
        var toClose = await staff.GetHtmlAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(toClose, "form[data-testid='status-form']",
            new Dictionary<string, string> { ["Status"] = nameof(SupportRequestStatus.Done) })).StatusCode);
        var list = await ib.GetHtmlAsync($"/school/{school.Code}/vragen");
        Assert.Equal("Afgerond", Assert.Single(list.Rows("vragen"))[2]);
        Assert.Equal(2, Factory.MailsTo(school.Ib).Count);
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == "support-request" && e.Subject == school.Code)) >= 4);

        // A stale status step (made on the old version) is refused, not applied.
        var stale = await staff.SubmitAsync(toClose, "form[data-testid='status-form']", new Dictionary<string, string> { ["Status"] = nameof(SupportRequestStatus.New) });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(SupportRequestStatus.Done, await Factory.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Request_OfASchoolWithoutContactPerson_GoesToTheAdmins()
    {
        var school = await Data.CreateSchoolAsync(s => s.WithStaff());
        var admin = await Data.CreateUserAsync(u => u.Admin());
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var form = await ib.GetHtmlAsync($"/school/{school.Code}/vragen/nieuw");
        TeamPages.IdFrom(await ib.SubmitAsync(form, "form[data-testid='request-form']", Request("Wie helpt ons?", "We hebben nog geen contactpersoon.")));
        Assert.Single(Factory.MailsTo(admin.Email));
    }

    [Fact]
    public async Task OpenRequests_ShowTheirAgeInDays_OldestFirst_ForTheAdmin()
    {
        var (_, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var subject = $"Oude vraag {Guid.NewGuid():N}";
        var form = await ib.GetHtmlAsync($"/school/{school.Code}/vragen/nieuw");
        var id = TeamPages.IdFrom(await ib.SubmitAsync(form, "form[data-testid='request-form']", Request(subject, "Wacht al lang.")));
        // Asked 20 days before the test date.
        await Factory.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == id)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.AskedAt, new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero))));

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = await admin.GetHtmlAsync("/consulent/vragen");
        var row = page.Rows("open-vragen").Single(r => r[0] == subject);
        Assert.Equal("20", row[5]);
        Assert.Contains("zb-gap", page.QuerySelectorAll("[data-testid='row-open-vragen']").Single(r => r.TextContent.Contains(subject, StringComparison.Ordinal)).Children[5].ClassName, StringComparison.Ordinal);
        var csv = await (await admin.GetAsync("/consulent/vragen?export=csv&tabel=open-vragen")).Content.ReadAsStringAsync();
        Assert.Contains(subject, csv, StringComparison.Ordinal);
    }
}
