using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>Conversations: recording one with agreements, the agreement that becomes a development point, two edits at once, the school's response.</summary>
[Collection(Portals.Team)]
public sealed class ConversationTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    [Fact]
    public async Task Post_Conversation_WithAgreements_IsStoredAudited_AndTheSchoolUsersGetAMailWithoutTheContent()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var client = await Factory.LoggedInClientAsync(consultant);
        var ibId = await Factory.UserIdAsync(school.Ib);

        var response = await client.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-11-18",
            ["Input.Kind"] = nameof(ConversationKind.OfficeHours),
            ["Input.ParticipantUserIds"] = ibId,
            ["Input.Others[0].Name"] = "Anna Extern",
            ["Input.Others[0].Role"] = "Orthopedagoog",
            ["Input.Domains"] = "rekenen",
            ["Input.Aspects"] = "expertise",
            ["Input.Summary"] = "Vertrouwelijk: de rekenaanpak loopt vast in groep 6.",
            ["Input.Agreements[0].Action"] = "Rekenspecialist opleiden",
            ["Input.Agreements[0].Owner"] = "IB-er",
            ["Input.Agreements[0].Deadline"] = "2027-03-01",
            ["Input.Agreements[0].Status"] = nameof(AgreementStatus.Open),
            ["Input.Agreements[1].Action"] = "Collegiale consultatie plannen",
            ["Input.NextDate"] = "2027-01-15",
        });

        var id = TeamPages.IdFrom(response);
        var stored = await Factory.WithDbAsync(db => db.Conversations.Include(c => c.Participants).Include(c => c.Topics).Include(c => c.Agreements).SingleAsync(c => c.Id == id));
        Assert.Equal((school.Id, new DateOnly(2026, 11, 18), ConversationKind.OfficeHours, new DateOnly(2027, 1, 15)), (stored.SchoolId, stored.Date, stored.Kind, stored.NextDate));
        Assert.Equal(["Anna Extern", school.Ib.Split('@')[0]], stored.Participants.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["Collegiale consultatie plannen", "Rekenspecialist opleiden"], stored.Agreements.Select(a => a.Action).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(2, stored.Topics.Count);
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "conversation" && e.Subject == school.Code)));

        var page = await client.GetHtmlAsync(response.Location()!);
        Assert.Equal("Spreekuur", page.Text("conversation-kind"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid='agreement-row']").Length);
        Assert.Contains("Domein: Rekenen", page.Text("conversation-topics"));

        foreach (var user in new[] { school.Ib, school.Director })
        {
            var mail = Assert.Single(Factory.MailsTo(user));
            Assert.Contains($"/school/{school.Code}/gesprekken/{id}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("rekenaanpak", mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Input.Summary", "Het gaat om leerling 123.456.782 in groep 4.", "burgerservicenummer")]
    [InlineData("Input.Summary", "Leerling geboren op 12-03-2016 heeft extra hulp nodig.", "geboortedatum")]
    [InlineData("Input.Agreements[0].Action", "Dossier van leerling (geb. 3 maart 2017) opvragen", "geboortedatum")]
    public async Task Post_Conversation_WithPupilData_IsRefusedNextToTheField_AndNothingIsStored(string field, string text, string word)
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var client = await Factory.LoggedInClientAsync(consultant);
        var fields = new Dictionary<string, string> { ["Input.Kind"] = nameof(ConversationKind.FirstAid), ["Input.Summary"] = "Gewoon verslag." };
        fields[field] = text;

        var response = await client.RecordConversationAsync(school, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        var id = field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        Assert.Contains(word, page.QuerySelector($"[data-testid='error-{id}']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, page.Value($"#{id}"));
        Assert.False(await Factory.WithDbAsync(db => db.Conversations.AnyAsync(c => c.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Post_Conversation_Invalid_ShowsDutchErrors_AndKeepsTheInput()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var client = await Factory.LoggedInClientAsync(consultant);
        var response = await client.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-02-01",
            ["Input.Kind"] = "",
            ["Input.Summary"] = " ",
            ["Input.Agreements[0].Owner"] = "Alleen een eigenaar",
            ["Input.NextDate"] = "31-02-2027",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Contains("toekomst", page.Text("error-Input_Date"), StringComparison.Ordinal);
        Assert.Equal("Kies de soort gesprek.", page.Text("error-Input_Kind"));
        Assert.Equal("Schrijf kort op wat er is besproken.", page.Text("error-Input_Summary"));
        Assert.Equal("Beschrijf de actie van deze afspraak.", page.Text("error-Input_Agreements_0__Action"));
        Assert.Contains("geldige datum", page.Text("error-Input_NextDate"), StringComparison.Ordinal);
        Assert.Equal("Alleen een eigenaar", page.Value("#Input_Agreements_0__Owner"));
        Assert.NotNull(page.QuerySelector("[data-testid='error-summary']"));
    }

    [Fact]
    public async Task AddRow_ShowsTheFormWithOneMoreAgreement_WithoutSavingOrErrors()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var client = await Factory.LoggedInClientAsync(consultant);
        var form = await client.GetHtmlAsync($"/school/{school.Code}/gesprekken/nieuw");
        var before = form.QuerySelectorAll("[data-testid='agreement-input']").Length;

        var response = await client.SubmitAsync(form, "form[data-testid='conversation-form']", new Dictionary<string, string>
        {
            ["meer"] = "afspraak",
            ["Input.Agreements[0].Action"] = "Eerste afspraak",
            ["Input.Summary"] = "",
        });

        var page = await response.HtmlAsync();
        Assert.Equal(before + 1, page.QuerySelectorAll("[data-testid='agreement-input']").Length);
        Assert.Equal("Eerste afspraak", page.Value("#Input_Agreements_0__Action"));
        Assert.Null(page.QuerySelector("[data-testid='error-summary']"));
        Assert.False(await Factory.WithDbAsync(db => db.Conversations.AnyAsync(c => c.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Agreement_BecomesADevelopmentPoint_InOneClick_AndTheLinkIsKeptBothWays()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var point = await Data.CreateDevelopmentPointAsync(school, 2026, p => p.For("taal-lezen", "aanbod").Titled("Leesaanpak borgen"));
        var client = await Factory.LoggedInClientAsync(consultant);
        var id = TeamPages.IdFrom(await client.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ConversationKind.Progress),
            ["Input.Summary"] = "Voortgang.",
            ["Input.Points"] = point.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Agreements[0].Action"] = "Leesspecialist aanstellen",
            ["Input.Agreements[0].Owner"] = "Directeur",
            ["Input.Agreements[0].Deadline"] = "2027-05-01",
            ["Input.Agreements[0].Status"] = nameof(AgreementStatus.InProgress),
        }));

        // The school's IB-er clicks it (FollowUp: the school and the partnership).
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var page = await ib.GetHtmlAsync($"/school/{school.Code}/gesprekken/{id}");
        var response = await ib.SubmitAsync(page, "form[data-testid='to-development-point']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var agreement = await Factory.WithDbAsync(db => db.ConversationAgreements.Include(a => a.DevelopmentPoint).SingleAsync(a => a.ConversationId == id));
        var created = Assert.IsType<DevelopmentPoint>(agreement.DevelopmentPoint);
        Assert.Equal((school.Id, "Leesspecialist aanstellen", "Directeur", new DateOnly(2027, 5, 1), DevelopmentPointStatus.InProgress),
            (created.SchoolId, created.Title, created.Owner, created.Deadline, created.Status));
        Assert.Equal(("taal-lezen", "aanbod"), (created.DomainKey, created.AspectKey));

        // Both ways: the report names the point, the point's list names the conversation.
        var report = await ib.GetHtmlAsync($"/school/{school.Code}/gesprekken/{id}");
        Assert.Equal("Leesspecialist aanstellen", report.Text("agreement-point"));
        Assert.Null(report.QuerySelector("[data-testid='to-development-point']"));
        var points = await ib.GetHtmlAsync($"/school/{school.Code}/ontwikkelpunten?jaar={TeamPages.Year}");
        var link = points.QuerySelector($"[data-testid='development-point'][data-id='{created.Id}'] [data-testid='point-conversation']");
        Assert.Equal($"/school/{school.Code}/gesprekken/{id}", link?.GetAttribute("href"));

        // A second click changes nothing.
        var again = await ib.PostFormAsync($"/school/{school.Code}/gesprekken/{id}", $"/school/{school.Code}/gesprekken/{id}/afspraken/{agreement.Id}/ontwikkelpunt", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.DevelopmentPoints.CountAsync(p => p.SchoolId == school.Id)));
    }

    [Fact]
    public async Task Edit_TwoEditsAtOnce_TheSecondChoosesPerPart_AndNothingIsLost()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var author = await Factory.LoggedInClientAsync(consultant);
        var id = TeamPages.IdFrom(await author.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ConversationKind.Progress),
            ["Input.Summary"] = "Eerste versie.",
            ["Input.Agreements[0].Action"] = "Afspraak A",
        }));
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var editUrl = $"/school/{school.Code}/gesprekken/{id}/bewerken";
        var mine = await author.GetHtmlAsync(editUrl);
        var theirs = await admin.GetHtmlAsync(editUrl);

        // The admin saves first: a new summary.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(theirs, "form[data-testid='conversation-form']",
            new Dictionary<string, string> { ["Input.Summary"] = "Versie van de beheerder." })).StatusCode);

        // The author saves the old version with another summary and a next date: a conflict, nothing overwritten.
        var conflict = await author.SubmitAsync(mine, "form[data-testid='conversation-form']",
            new Dictionary<string, string> { ["Input.Summary"] = "Versie van de auteur.", ["Input.NextDate"] = "2027-02-01" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var choice = await conflict.HtmlAsync();
        Assert.Equal(["NextDate", "Summary"], choice.TestIds("conflict-field", "data-field").Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Versie van de beheerder.", (await Factory.WithDbAsync(db => db.Conversations.SingleAsync(c => c.Id == id))).Summary);

        // Keep the stored summary and the own next date.
        var resolved = await author.SubmitAsync(choice, "form[data-testid='conflict-form']", new Dictionary<string, string>
        {
            ["Choices[Summary]"] = "opgeslagen",
            ["Choices[NextDate]"] = "mijn",
        });
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var stored = await Factory.WithDbAsync(db => db.Conversations.Include(c => c.Agreements).SingleAsync(c => c.Id == id));
        Assert.Equal(("Versie van de beheerder.", new DateOnly(2027, 2, 1), 3), (stored.Summary, stored.NextDate, stored.Version));
        Assert.Equal("Afspraak A", Assert.Single(stored.Agreements).Action);
    }

    [Fact]
    public async Task School_RespondsToAReport_TheAuthorHearsOfIt_AndTheBoardReadsBoth()
    {
        var (consultant, school, _, board) = await Data.ConsultantWithSchoolAsync();
        var author = await Factory.LoggedInClientAsync(consultant);
        var id = TeamPages.IdFrom(await author.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ConversationKind.Evaluation),
            ["Input.Summary"] = "Evaluatie van het jaar.",
        }));
        var director = await Factory.LoggedInClientAsync(school.Director);
        var page = await director.GetHtmlAsync($"/school/{school.Code}/gesprekken/{id}");
        Assert.Null(page.QuerySelector("[data-testid='edit-conversation']"));

        var bad = await director.SubmitAsync(page, "form[data-testid='response-form']", new Dictionary<string, string> { ["Response.Text"] = "BSN 111222333" });
        Assert.Contains("burgerservicenummer", (await bad.HtmlAsync()).Text("error-Response_Text"), StringComparison.Ordinal);

        var saved = await director.SubmitAsync(page, "form[data-testid='response-form']", new Dictionary<string, string> { ["Response.Text"] = "Eens, met een aanvulling over de planning." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mail = Assert.Single(Factory.MailsTo(consultant.Email));
        Assert.Contains($"/school/{school.Code}/gesprekken/{id}", mail.TextBody, StringComparison.Ordinal);

        var boardUser = await Factory.LoggedInClientAsync(await Data.CreateUserAsync(u => u.BoardUser(board)));
        var read = await boardUser.GetHtmlAsync($"/school/{school.Code}/gesprekken/{id}");
        Assert.Equal("Eens, met een aanvulling over de planning.", read.Text("school-response"));
        Assert.Null(read.QuerySelector("[data-testid='response-form']"));
        Assert.Equal("Evaluatie van het jaar.", read.Text("conversation-summary"));
    }

    [Fact]
    public async Task BoardStartMeeting_EachSchoolSeesItsOwnPart_AndTheMeetingCountsForThePhase()
    {
        var (consultant, first, region, board) = await Data.ConsultantWithSchoolAsync();
        var second = await Data.CreateSchoolAsync(s => s.InRegion(region).InBoard(board).ContactPerson(consultant).WithStaff());
        var absent = await Data.CreateSchoolAsync(s => s.InRegion(region).InBoard(board).ContactPerson(consultant).WithStaff());
        var client = await Factory.LoggedInClientAsync(consultant);
        var form = await client.GetHtmlAsync($"/bestuur/{board.Id}/bijeenkomsten/nieuw");
        Assert.Equal($"/bestuur/{board.Id}/vergelijkingsrapport/{TeamPages.Year}", form.QuerySelector("[data-testid='comparison-link']")?.GetAttribute("href"));
        var parts = form.QuerySelectorAll("[data-testid='school-part']").Select(p => p.GetAttribute("data-code")).ToList();
        int Index(TestSchool s) => parts.IndexOf(s.Code);

        var response = await client.SubmitAsync(form, "form[data-testid='board-meeting-form']", fields =>
        {
            fields["Input.Date"] = "2026-11-10";
            fields["Input.Summary"] = "Scans vergeleken: hoe komen we van A naar B?";
            fields.Remove($"Input.Schools[{Index(absent)}].Included");
            fields[$"Input.Schools[{Index(first)}].Notes"] = "Notitie voor de eerste school.";
            fields[$"Input.Schools[{Index(first)}].Agreements[0].Action"] = "Eerste school: leesaanpak borgen";
            fields[$"Input.Schools[{Index(second)}].Agreements[0].Action"] = "Tweede school: rekenspecialist";
        });
        var meetingId = TeamPages.IdFrom(response);

        var meeting = await client.GetHtmlAsync($"/bestuur/{board.Id}/bijeenkomsten/{meetingId}");
        Assert.Equal([first.Code, second.Code], meeting.TestIds("meeting-school-part", "data-code").Order(StringComparer.Ordinal).ToArray());

        var firstIb = await Factory.LoggedInClientAsync(first.Ib);
        var list = await firstIb.GetHtmlAsync($"/school/{first.Code}/gesprekken");
        var row = Assert.Single(list.Rows("gesprekken"));
        Assert.Contains("Startbijeenkomst", row[1], StringComparison.Ordinal);
        var report = await firstIb.GetHtmlAsync(list.QuerySelector("[data-testid='row-gesprekken'] a")!.GetAttribute("href")!);
        Assert.Equal("Scans vergeleken: hoe komen we van A naar B?", report.QuerySelector("[data-testid='board-meeting-part'] p:last-of-type")?.TextContent.Trim());
        Assert.Equal("Eerste school: leesaanpak borgen", Assert.Single(report.QuerySelectorAll("[data-testid='agreement-row'] th")).TextContent.Trim());
        Assert.DoesNotContain("Tweede school", report.Body!.TextContent, StringComparison.Ordinal);
        // School users do not read the board's page with every school's part.
        Assert.Equal(HttpStatusCode.Forbidden, (await firstIb.GetAsync($"/bestuur/{board.Id}/bijeenkomsten/{meetingId}")).StatusCode);

        Assert.Single(Factory.MailsTo(second.Ib));
        Assert.Empty(Factory.MailsTo(absent.Ib));
        Assert.Equal("Startbijeenkomst gehouden", (await firstIb.GetHtmlAsync($"/school/{first.Code}")).Text("school-phase"));
        Assert.Equal("Nog niet gestart", (await client.GetHtmlAsync($"/school/{absent.Code}")).Text("school-phase"));
    }
}
