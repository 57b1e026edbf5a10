using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>
/// Who may open which page of Team Basisondersteuning, decided before any handler runs: the school (its own), its
/// board, the partnership (a region-limited consultant only in its regions and contact schools), a board user of
/// another board, other schools and anonymous visitors. School A1 is in region North with the (all-regions) consultant
/// as contact person; the south consultant sees region South and school B1.
/// </summary>
[Collection(Portals.Team)]
public sealed class TeamAccessTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    private const string A1 = World.SchoolA1Code;
    private const int Login = 302;

    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        void Row(string url, int admin, int consultant, int south, int boardA, int boardB, int schoolA1, int schoolB1, int anonymous)
        {
            data.Add(url, "admin", admin);
            data.Add(url, "consultant", consultant);
            data.Add(url, "south", south);
            data.Add(url, "boardA", boardA);
            data.Add(url, "boardB", boardB);
            data.Add(url, "schoolA1", schoolA1);
            data.Add(url, "schoolB1", schoolB1);
            data.Add(url, "anonymous", anonymous);
        }

        Row($"/school/{A1}/gesprekken", 200, 200, 403, 200, 403, 200, 403, Login);
        Row($"/school/{A1}/gesprekken/nieuw", 200, 200, 403, 403, 403, 403, 403, Login);
        Row($"/school/{A1}/vragen", 200, 200, 403, 200, 403, 200, 403, Login);
        Row($"/school/{A1}/vragen/nieuw", 403, 403, 403, 403, 403, 200, 403, Login);
        Row($"/school/{A1}/fase", 200, 200, 403, 403, 403, 403, 403, Login);
        Row($"/school/{A1}/scholing", 200, 200, 403, 200, 403, 200, 403, Login);
        Row($"/school/{A1}/verbindingen/nieuw?domein=rekenen", 200, 200, 403, 403, 403, 403, 403, Login);
        Row("/bestuur/{boardA}/bijeenkomsten", 200, 200, 200, 200, 403, 403, 403, Login);
        Row("/bestuur/{boardA}/bijeenkomsten/nieuw", 200, 200, 200, 403, 403, 403, 403, Login);
        Row("/consulent", 200, 200, 200, 403, 403, 403, 403, Login);
        Row("/consulent/vragen", 200, 200, 200, 403, 403, 403, 403, Login);
        Row("/signalen", 200, 200, 200, 403, 403, 403, 403, Login);
        Row("/signalen/nieuw", 200, 200, 200, 403, 403, 403, 403, Login);
        Row("/scholing", 200, 200, 200, 403, 403, 403, 403, Login);
        Row("/scholing/nieuw", 200, 403, 403, 403, 403, 403, 403, Login);
        Row("/account/meldingen", 200, 200, 200, 200, 200, 200, 200, Login);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_TeamPage_AnswersPerRole(string url, string user, int expected)
    {
        var client = await ClientAsync(user);
        var response = await client.GetAsync(url.Replace("{boardA}", World.BoardA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == Login) Assert.StartsWith("https://localhost/account/inloggen", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardStartMeeting_ConsultantWhoSeesNoSchoolOfTheBoard_IsForbidden()
    {
        var board = await Data.CreateBoardAsync();
        await Data.CreateSchoolAsync(s => s.InBoard(board).InRegion(World.North));
        var south = await Factory.LoggedInClientAsync(World.SouthConsultant);
        Assert.Equal(HttpStatusCode.Forbidden, (await south.GetAsync($"/bestuur/{board.Id}/bijeenkomsten/nieuw")).StatusCode);
        // Reading the board's meetings is for all partnership staff, as the board's dashboard is.
        Assert.Equal(HttpStatusCode.OK, (await south.GetAsync($"/bestuur/{board.Id}/bijeenkomsten")).StatusCode);
    }

    [Fact]
    public async Task Posts_WithoutThePermission_AreForbiddenBeforeAnythingIsStored()
    {
        var (consultant, school, _, schoolBoard) = await Data.ConsultantWithSchoolAsync();
        var conversations = await Factory.WithDbAsync(db => db.Conversations.CountAsync());
        var requests = await Factory.WithDbAsync(db => db.SupportRequests.CountAsync());

        // A school user cannot record a conversation (the form's token comes from a page the user may open).
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var token = await ib.AntiforgeryTokenAsync("/account/meldingen");
        var post = await ib.PostAsync($"/school/{school.Code}/gesprekken/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Date"] = "2026-11-20",
            ["Input.Kind"] = "Progress",
            ["Input.Summary"] = "Niet toegestaan",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // A consultant cannot ask a request on behalf of the school; a board user cannot reply in a thread.
        var staff = await Factory.LoggedInClientAsync(consultant);
        var staffToken = await staff.AntiforgeryTokenAsync("/account/meldingen");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/school/{school.Code}/vragen/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = staffToken,
            ["Input.Kind"] = "RouteCoach",
            ["Input.Subject"] = "x",
            ["Input.Description"] = "y",
        }))).StatusCode);
        var boardUser = await Data.CreateUserAsync(u => u.BoardUser(schoolBoard));
        var board = await Factory.LoggedInClientAsync(boardUser);
        var boardToken = await board.AntiforgeryTokenAsync("/account/meldingen");
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsync($"/school/{school.Code}/vragen/1/reactie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = boardToken,
            ["Reply.Text"] = "Mag niet",
        }))).StatusCode);

        Assert.Equal(conversations, await Factory.WithDbAsync(db => db.Conversations.CountAsync()));
        Assert.Equal(requests, await Factory.WithDbAsync(db => db.SupportRequests.CountAsync()));
    }

    [Fact]
    public async Task Conversation_OfAnotherSchool_IsNotFound_AndOnlyItsAuthorOrAnAdminEditsIt()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var other = await Data.CreateSchoolAsync(s => s.ContactPerson(consultant));
        var author = await Factory.LoggedInClientAsync(consultant);
        var id = TeamPages.IdFrom(await author.RecordConversationAsync(school, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ConversationKind.Progress),
            ["Input.Summary"] = "Voortgang besproken.",
        }));

        // The id of this school's conversation under another school's code: not found, whatever the id.
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/school/{other.Code}/gesprekken/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/school/{other.Code}/gesprekken/{id}.pdf")).StatusCode);

        var colleague = await Factory.LoggedInClientAsync(await Data.CreateUserAsync(u => u.Consultant()));
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/school/{school.Code}/gesprekken/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync($"/school/{school.Code}/gesprekken/{id}/bewerken")).StatusCode);
        Assert.Null((await colleague.GetHtmlAsync($"/school/{school.Code}/gesprekken/{id}")).QuerySelector("[data-testid='edit-conversation']"));

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/school/{school.Code}/gesprekken/{id}/bewerken")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/school/{school.Code}/gesprekken/{id}/bewerken")).StatusCode);
    }

    [Fact]
    public async Task RegionLimitedConsultant_SeesOnlyTheirRegionsSchools_OnMySchoolsAndTheRequestsAndSignals()
    {
        var region = await Data.CreateRegionAsync();
        var elsewhere = await Data.CreateRegionAsync();
        var consultant = await Data.CreateUserAsync(u => u.Consultant(region));
        var inRegion = await Data.CreateSchoolAsync(s => s.InRegion(region).WithStaff());
        var outside = await Data.CreateSchoolAsync(s => s.InRegion(elsewhere).WithStaff());
        foreach (var school in new[] { inRegion, outside })
        {
            var ib = await Factory.LoggedInClientAsync(school.Ib);
            var form = await ib.GetHtmlAsync($"/school/{school.Code}/vragen/nieuw");
            var asked = await ib.SubmitAsync(form, "form[data-testid='request-form']", new Dictionary<string, string>
            {
                ["Input.Kind"] = nameof(SupportRequestKind.RouteCoach),
                ["Input.Subject"] = $"Vraag van {school.Name}",
                ["Input.Description"] = "Hoe verder?",
            });
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        var client = await Factory.LoggedInClientAsync(consultant);
        var all = await client.GetHtmlAsync("/consulent?alle=true");
        var names = all.Rows("mijn-scholen").Select(r => r[0]).ToList();
        Assert.Contains(inRegion.Name, names);
        Assert.DoesNotContain(outside.Name, names);
        var requests = (await client.GetHtmlAsync("/consulent/vragen")).Rows("open-vragen").Select(r => r[1]).ToList();
        Assert.Contains(inRegion.Name, requests);
        Assert.DoesNotContain(outside.Name, requests);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{outside.Code}/gesprekken")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/school/{outside.Code}/vragen")).StatusCode);
        // The signal form offers only the schools the consultant may see, and a posted other school is refused.
        var signalForm = await client.GetHtmlAsync("/signalen/nieuw");
        var offered = signalForm.TestIds("signal-school", "value");
        Assert.Contains(inRegion.Code, offered);
        Assert.DoesNotContain(outside.Code, offered);
        var refused = await client.SubmitAsync(signalForm, "form[data-testid='signal-form']", new Dictionary<string, string>
        {
            ["Input.Theme"] = "Onzichtbaar",
            ["Input.Schools"] = outside.Code,
            ["Input.Note"] = "Mag niet.",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.NeedSignals.AnyAsync(s => s.Theme == "Onzichtbaar")));
    }

    private async Task<HttpClient> ClientAsync(string user) => user switch
    {
        "anonymous" => Factory.CreatePortalClient(),
        "admin" => await Factory.LoggedInClientAsync(World.Admin),
        "consultant" => await Factory.LoggedInClientAsync(World.Consultant),
        "south" => await Factory.LoggedInClientAsync(World.SouthConsultant),
        "boardA" => await Factory.LoggedInClientAsync(World.BoardAUser),
        "boardB" => await Factory.LoggedInClientAsync(await Data.CreateUserAsync(u => u.BoardUser(World.BoardB))),
        "schoolA1" => await Factory.LoggedInClientAsync(World.SchoolA1User),
        "schoolB1" => await Factory.LoggedInClientAsync(World.SchoolB1User),
        _ => throw new ArgumentOutOfRangeException(nameof(user), user, null),
    };
}
