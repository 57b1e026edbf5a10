using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using static Zout.Basisondersteuning.Tests.Features.DevelopmentPoints.DevelopmentPointPages;

namespace Zout.Basisondersteuning.Tests.Features.DevelopmentPoints;

/// <summary>On the main portal, whose only school years are the two of these tests: the year list shows them.</summary>
[Collection(Portals.Main)]
public sealed class DevelopmentPointsTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private const string A1 = World.SchoolA1Code;

    [Theory]
    [InlineData("rekenen", "expertise", 2, null, "2", "3", "Rekenen – Expertise: van 2 naar 3")]
    [InlineData("rekenen", "aanbod", 1, 4, "1", "4", "Rekenen – Aanbod: van 1 naar 4")]
    [InlineData("taal-lezen", "expertise", 4, null, "4", "", "Taal en lezen – Expertise: van 4")]
    public async Task Get_New_FromScanCell_PrefillsFromScanAnswer(string domain, string aspect, int level, int? target,
        string expectedCurrent, string expectedTarget, string expectedTitle)
    {
        await Data.OpenYearAsync();
        await Data.SetScanAsync(World.SchoolA1, 2026, scan => scan.Level(domain, aspect, level, target));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);

        var page = await client.GetHtmlAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}&domein={domain}&aspect={aspect}");

        Assert.Equal(domain, page.Value("#Input_DomainKey"));
        Assert.Equal(aspect, page.Value("#Input_AspectKey"));
        Assert.Equal(expectedCurrent, page.Value("#Input_CurrentLevel"));
        Assert.Equal(expectedTarget, page.Value("#Input_TargetLevel"));
        Assert.Equal(expectedTitle, page.Value("#Input_Title"));
        Assert.Equal("Planned", page.Value("#Input_Status"));
        Assert.Equal($"Schooljaar {Year}", page.QuerySelector("[data-testid='school-year']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Get_New_CellWithoutAnswer_PrefillsDomainAndAspectOnly()
    {
        await Data.OpenYearAsync();
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);

        var page = await client.GetHtmlAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}&domein=taal-lezen&aspect=aanbod");

        Assert.Equal("taal-lezen", page.Value("#Input_DomainKey"));
        Assert.Equal("", page.Value("#Input_CurrentLevel"));
        Assert.Equal("", page.Value("#Input_TargetLevel"));
        Assert.Equal("Taal en lezen – Aanbod", page.Value("#Input_Title"));
    }

    [Fact]
    public async Task Get_New_UnknownYear_ReturnsNotFound()
    {
        await Data.OpenYearAsync();
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar=2030-2031")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/school/{A1}/ontwikkelpunten?jaar=onzin")).StatusCode);
    }

    [Fact]
    public async Task Post_New_Valid_CreatesPointAndListsIt()
    {
        var yearId = await Data.OpenYearAsync();
        await Data.SetScanAsync(World.SchoolA1, 2026, scan => scan.Level("rekenen", "expertise", 2, null));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var form = await client.GetHtmlAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}&domein=rekenen&aspect=expertise");

        var response = await client.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.Title"] = "Rekenspecialist opleiden",
            ["Input.Actions"] = "Scholing volgen\r\nBorgen in het rekenbeleid",
            ["Input.Owner"] = "Mirjam (IB)",
            ["Input.Deadline"] = "2027-03-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ListUrl(A1), response.Location());
        var point = await Factory.WithDbAsync(db => db.DevelopmentPoints.AsNoTracking().SingleAsync(p => p.Title == "Rekenspecialist opleiden"));
        Assert.Equal((World.SchoolA1.Id, yearId, "rekenen", "expertise"), (point.SchoolId, point.SchoolYearId, point.DomainKey, point.AspectKey));
        Assert.Equal((2, 3), (point.CurrentLevel, point.TargetLevel));
        Assert.Equal("Scholing volgen\nBorgen in het rekenbeleid", point.Actions);
        Assert.Equal(new DateOnly(2027, 3, 1), point.Deadline);
        Assert.Equal(DevelopmentPointStatus.Planned, point.Status);
        Assert.Equal(1, point.Version);
        Assert.Equal(World.SchoolA1User, point.CreatedBy);

        var list = await client.GetHtmlAsync(response.Location()!);
        Assert.Equal("Het ontwikkelpunt is toegevoegd.", list.QuerySelector("[data-testid='flash']")?.TextContent.Trim());
        var row = list.QuerySelector($"[data-testid='development-point'][data-id='{point.Id}']");
        Assert.NotNull(row);
        Assert.Equal("Rekenspecialist opleiden", row.QuerySelector("[data-testid='point-title']")?.TextContent.Trim());
        Assert.Equal("van 2 naar 3", row.QuerySelector("[data-testid='point-range']")?.TextContent.Trim());
        Assert.Equal("Mirjam (IB)", row.QuerySelector("[data-testid='point-owner']")?.TextContent.Trim());
        Assert.Equal("1 maart 2027", row.QuerySelector("[data-testid='point-deadline']")?.TextContent.Trim());
        Assert.Equal("Gepland", row.QuerySelector("[data-testid='point-status']")?.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-testid='edit-point']"));
    }

    [Fact]
    public async Task Post_New_Invalid_ShowsDutchErrorsNextToFieldsAndKeepsInput()
    {
        await Data.OpenYearAsync();
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var form = await client.GetHtmlAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}");
        var before = await Factory.WithDbAsync(db => db.DevelopmentPoints.CountAsync());

        var response = await client.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.DomainKey"] = "bestaat-niet",
            ["Input.AspectKey"] = "aanbod",
            ["Input.Title"] = "  ",
            ["Input.CurrentLevel"] = "3",
            ["Input.TargetLevel"] = "2",
            ["Input.Actions"] = "Mijn acties blijven staan",
            ["Input.Owner"] = new string('x', DevelopmentPointForm.OwnerMaxLength + 1),
            ["Input.Deadline"] = "2026-07-31",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.NotNull(page.QuerySelector("[data-testid='error-summary']"));
        Assert.Contains("Kies een domein uit het kader van dit schooljaar.", page.QuerySelector("[data-testid='error-Input_DomainKey']")?.TextContent);
        Assert.Contains("Geef het ontwikkelpunt een titel.", page.QuerySelector("[data-testid='error-Input_Title']")?.TextContent);
        Assert.Contains("Het doelniveau moet hoger zijn dan het huidige niveau.", page.QuerySelector("[data-testid='error-Input_TargetLevel']")?.TextContent);
        Assert.Contains("hoogstens 200 tekens", page.QuerySelector("[data-testid='error-Input_Owner']")?.TextContent);
        Assert.Contains("niet vóór het begin van schooljaar 2026-2027", page.QuerySelector("[data-testid='error-Input_Deadline']")?.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='error-Input_AspectKey']"));
        Assert.Equal("true", page.GetElementById("Input_Title")?.GetAttribute("aria-invalid"));

        Assert.Equal("aanbod", page.Value("#Input_AspectKey"));
        Assert.Equal("3", page.Value("#Input_CurrentLevel"));
        Assert.Equal("2", page.Value("#Input_TargetLevel"));
        Assert.Equal("Mijn acties blijven staan", page.Value("#Input_Actions"));
        Assert.Equal("2026-07-31", page.Value("#Input_Deadline"));
        Assert.Equal(before, await Factory.WithDbAsync(db => db.DevelopmentPoints.CountAsync()));
    }

    [Theory]
    [InlineData("31-02-2027", "Vul een geldige datum in, bijvoorbeeld 1-3-2027.")]
    [InlineData("morgen", "Vul een geldige datum in, bijvoorbeeld 1-3-2027.")]
    public async Task Post_New_InvalidDeadline_ShowsDutchMessage(string deadline, string message)
    {
        await Data.OpenYearAsync();
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var form = await client.GetHtmlAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}&domein=rekenen&aspect=aanbod");

        var response = await client.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.Deadline"] = deadline });

        var page = await response.HtmlAsync();
        Assert.Equal(message, page.QuerySelector("[data-testid='error-Input_Deadline']")?.TextContent.Trim());
        Assert.Equal(deadline, page.Value("#Input_Deadline"));
    }

    [Fact]
    public async Task Post_New_DutchDateAndLevelOutsideScale()
    {
        await Data.OpenYearAsync();
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var form = await client.GetHtmlAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={Year}&domein=rekenen&aspect=aanbod");

        var response = await client.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.Deadline"] = "1-3-2027",
            ["Input.TargetLevel"] = "5",
        });

        var page = await response.HtmlAsync();
        Assert.Equal("Kies een niveau van 1 tot en met 4.", page.QuerySelector("[data-testid='error-Input_TargetLevel']")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid='error-Input_Deadline']"));
    }

    [Fact]
    public async Task Post_Edit_ChangesFieldsAndStatus()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Te bewerken punt"));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var form = await client.GetHtmlAsync(EditUrl(A1, id));
        Assert.Equal("1", form.QuerySelector("[data-testid='version']")?.GetAttribute("value"));
        Assert.Equal("Te bewerken punt", form.Value("#Input_Title"));
        Assert.Equal("2027-03-01", form.Value("#Input_Deadline"));

        var response = await client.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.Status"] = "InProgress",
            ["Input.Owner"] = "Werkgroep rekenen",
            ["Input.TargetLevel"] = "4",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var point = await FindAsync(Factory, id);
        Assert.Equal(DevelopmentPointStatus.InProgress, point!.Status);
        Assert.Equal("Werkgroep rekenen", point.Owner);
        Assert.Equal(4, point.TargetLevel);
        Assert.Equal("Te bewerken punt", point.Title);
        Assert.Equal(2, point.Version);

        var list = await client.GetHtmlAsync(response.Location()!);
        Assert.Equal("Het ontwikkelpunt is opgeslagen.", list.QuerySelector("[data-testid='flash']")?.TextContent.Trim());
        var row = list.QuerySelector($"[data-testid='development-point'][data-id='{id}']");
        Assert.Equal("Bezig", row?.QuerySelector("[data-testid='point-status']")?.TextContent.Trim());

        // And on to done.
        var again = await client.GetHtmlAsync(EditUrl(A1, id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(again, "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.Status"] = "Done" })).StatusCode);
        Assert.Equal((DevelopmentPointStatus.Done, 3), ((await FindAsync(Factory, id))!.Status, (await FindAsync(Factory, id))!.Version));
    }

    [Fact]
    public async Task Post_Edit_InvalidStatus_ShowsErrorAndSavesNothing()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Punt met onbekende status"));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var form = await client.GetHtmlAsync(EditUrl(A1, id));

        var response = await client.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.Status"] = "7", ["Input.Owner"] = "Nieuw" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.HtmlAsync()).QuerySelector("[data-testid='error-Input_Status']"));
        var point = await FindAsync(Factory, id);
        Assert.Equal(("Intern begeleider", 1), (point!.Owner, point.Version));
    }

    [Fact]
    public async Task Post_Edit_StaleVersion_ShowsConflictPage_ThenSavesTheChosenValues()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Gedeeld punt"));
        var ib = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var director = await Factory.LoggedInClientAsync(World.SchoolA1Director);
        var ibForm = await ib.GetHtmlAsync(EditUrl(A1, id));
        var directorForm = await director.GetHtmlAsync(EditUrl(A1, id));

        // The director saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await director.SubmitAsync(directorForm, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.Owner"] = "Directeur",
            ["Input.Status"] = "InProgress",
        })).StatusCode);

        // The IB-er saves on the version they started from.
        var response = await ib.SubmitAsync(ibForm, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.Title"] = "Gedeeld punt, scherper",
            ["Input.Owner"] = "IB-er",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflict = await response.HtmlAsync();
        Assert.Contains(World.SchoolA1Director, conflict.QuerySelector("[data-testid='conflict-notice']")?.TextContent);
        var fields = conflict.QuerySelectorAll("[data-testid='conflict-field']").ToDictionary(
            f => f.GetAttribute("data-field")!,
            f => (Mine: f.QuerySelector("[data-testid='mine-value']")!.TextContent.Trim(), Stored: f.QuerySelector("[data-testid='stored-value']")!.TextContent.Trim()));
        Assert.Equal(["Owner", "Status", "Title"], fields.Keys.Order());
        Assert.Equal(("Gedeeld punt, scherper", "Gedeeld punt"), fields["Title"]);
        Assert.Equal(("IB-er", "Directeur"), fields["Owner"]);
        Assert.Equal(("Gepland", "Bezig"), fields["Status"]);
        var stored = await FindAsync(Factory, id);
        Assert.Equal(("Directeur", 2), (stored!.Owner, stored.Version));

        // Without a choice per field: the page comes back with an error per field.
        var unresolved = await ib.SubmitAsync(conflict, "form[data-testid='conflict-form']");
        Assert.Equal(HttpStatusCode.OK, unresolved.StatusCode);
        var again = await unresolved.HtmlAsync();
        Assert.NotNull(again.QuerySelector("[data-testid='error-summary']"));
        Assert.Equal("Kies bij 'Eigenaar' welke waarde u wilt bewaren.", again.QuerySelector("[data-testid='error-Choices_Owner_']")?.TextContent.Trim());
        Assert.Equal(3, again.QuerySelectorAll("[data-testid='conflict-field'] .utrecht-form-field-error-message").Length);

        // Keep my title, keep the stored owner and status.
        var resolved = await ib.SubmitAsync(again, "form[data-testid='conflict-form']", new Dictionary<string, string>
        {
            ["Choices[Title]"] = ResolveEditConflict.KeepMine,
            ["Choices[Owner]"] = ResolveEditConflict.KeepStored,
            ["Choices[Status]"] = ResolveEditConflict.KeepStored,
        });

        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var point = await FindAsync(Factory, id);
        Assert.Equal(("Gedeeld punt, scherper", "Directeur", DevelopmentPointStatus.InProgress, 3), (point!.Title, point.Owner, point.Status, point.Version));
        Assert.Equal(World.SchoolA1User, point.UpdatedBy);
    }

    [Fact]
    public async Task Post_ResolveConflict_SavedAgainMeanwhile_ShowsNewestStoredValues()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Veel gewijzigd punt"));
        var ib = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var director = await Factory.LoggedInClientAsync(World.SchoolA1Director);
        var ibForm = await ib.GetHtmlAsync(EditUrl(A1, id));
        await director.SubmitAsync(await director.GetHtmlAsync(EditUrl(A1, id)), "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.Owner"] = "Eerste" });
        var conflict = await (await ib.SubmitAsync(ibForm, "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.Owner"] = "Mijn eigenaar" })).HtmlAsync();
        await director.SubmitAsync(await director.GetHtmlAsync(EditUrl(A1, id)), "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.Owner"] = "Tweede" });

        var response = await ib.SubmitAsync(conflict, "form[data-testid='conflict-form']", new Dictionary<string, string> { ["Choices[Owner]"] = ResolveEditConflict.KeepMine });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.HtmlAsync();
        var owner = page.QuerySelector("[data-testid='conflict-field'][data-field='Owner']");
        Assert.Equal("Mijn eigenaar", owner?.QuerySelector("[data-testid='mine-value']")?.TextContent.Trim());
        Assert.Equal("Tweede", owner?.QuerySelector("[data-testid='stored-value']")?.TextContent.Trim());
        Assert.Equal(("Tweede", 3), ((await FindAsync(Factory, id))!.Owner, (await FindAsync(Factory, id))!.Version));
    }

    [Fact]
    public async Task Post_ResolveConflict_MergedLevelsInvalid_ShowsEditFormWithMergedValues()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Niveaus door elkaar").Levels(2, 3));
        var ib = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var director = await Factory.LoggedInClientAsync(World.SchoolA1Director);
        var ibForm = await ib.GetHtmlAsync(EditUrl(A1, id));
        await director.SubmitAsync(await director.GetHtmlAsync(EditUrl(A1, id)), "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.CurrentLevel"] = "1", ["Input.TargetLevel"] = "2" });
        var conflict = await (await ib.SubmitAsync(ibForm, "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.CurrentLevel"] = "3", ["Input.TargetLevel"] = "4" })).HtmlAsync();

        // My current level 3 with the stored target 2: not from A to B.
        var response = await ib.SubmitAsync(conflict, "form[data-testid='conflict-form']", new Dictionary<string, string>
        {
            ["Choices[CurrentLevel]"] = ResolveEditConflict.KeepMine,
            ["Choices[TargetLevel]"] = ResolveEditConflict.KeepStored,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.NotNull(page.QuerySelector("[data-testid='error-Input_TargetLevel']"));
        Assert.Equal("3", page.Value("#Input_CurrentLevel"));
        Assert.Equal("2", page.Value("#Input_TargetLevel"));
        Assert.Equal("2", page.QuerySelector("[data-testid='version']")?.GetAttribute("value"));

        // Fixing it in the form saves against the stored version.
        var fixedResponse = await ib.SubmitAsync(page, "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.TargetLevel"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, fixedResponse.StatusCode);
        var point = await FindAsync(Factory, id);
        Assert.Equal((3, 4, 3), (point!.CurrentLevel, point.TargetLevel, point.Version));
    }

    [Fact]
    public async Task Post_Delete_AfterConfirmation_RemovesPoint()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Te verwijderen punt"));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);

        var confirmation = await client.GetHtmlAsync(DeleteUrl(A1, id));
        Assert.Equal("Te verwijderen punt", confirmation.QuerySelector("[data-testid='point-title']")?.TextContent.Trim());
        Assert.NotNull(await FindAsync(Factory, id));

        var response = await client.SubmitAsync(confirmation, "form[data-testid='delete-form']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ListUrl(A1), response.Location());
        Assert.Null(await FindAsync(Factory, id));
        var list = await client.GetHtmlAsync(response.Location()!);
        Assert.Equal("Het ontwikkelpunt 'Te verwijderen punt' is verwijderd.", list.QuerySelector("[data-testid='flash']")?.TextContent.Trim());
        Assert.Null(list.QuerySelector($"[data-testid='development-point'][data-id='{id}']"));
    }

    [Fact]
    public async Task Post_Delete_ChangedAfterConfirmationPage_KeepsPointAndAsksAgain()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Punt dat net gewijzigd is"));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);
        var director = await Factory.LoggedInClientAsync(World.SchoolA1Director);
        var confirmation = await client.GetHtmlAsync(DeleteUrl(A1, id));
        await director.SubmitAsync(await director.GetHtmlAsync(EditUrl(A1, id)), "form[data-testid='development-point-form']", new Dictionary<string, string> { ["Input.Status"] = "Done" });

        var response = await client.SubmitAsync(confirmation, "form[data-testid='delete-form']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.NotNull(page.QuerySelector("[data-testid='changed-meanwhile']"));
        Assert.NotNull(await FindAsync(Factory, id));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, "form[data-testid='delete-form']")).StatusCode);
        Assert.Null(await FindAsync(Factory, id));
    }

    [Fact]
    public async Task Get_SchoolPage_ShowsDevelopmentPointsOfLatestYear()
    {
        await Data.OpenYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Zichtbaar op de schoolpagina").For("taal-lezen", "aanbod").Levels(1, 3));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);

        var page = await client.GetHtmlAsync($"/school/{A1}");

        var summary = page.QuerySelector("[data-testid='development-points-summary']");
        Assert.NotNull(summary);
        Assert.Contains($"Ontwikkelpunten {Year}", summary.QuerySelector("h2")?.TextContent);
        var row = summary.QuerySelector($"[data-testid='development-point-summary'][data-id='{id}']");
        Assert.NotNull(row);
        Assert.Equal(["Taal en lezen", "Aanbod", "van 1 naar 3", "Intern begeleider", "1 maart 2027", "Gepland"],
            row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()));
        Assert.Equal(ListUrl(A1), summary.QuerySelector("[data-testid='all-points']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_List_DefaultsToLatestYear_AndOffersYearPicker()
    {
        await Data.OpenYearAsync();
        await Data.ClosedYearAsync();
        await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2025, p => p.Titled("Punt van vorig jaar"));
        await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2026, p => p.Titled("Punt van dit jaar"));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);

        var page = await client.GetHtmlAsync($"/school/{A1}/ontwikkelpunten");

        Assert.Contains(Year, page.QuerySelector("[data-testid='school-year']")?.TextContent);
        var picker = page.QuerySelector("[data-testid='year-picker']") as IHtmlSelectElement;
        Assert.NotNull(picker);
        Assert.Equal([Year, ClosedYear], picker.Options.Select(o => o.Value));
        Assert.Equal(Year, picker.SelectedOptions.Single().Value);
        var titles = page.QuerySelectorAll("[data-testid='point-title']").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Punt van dit jaar", titles);
        Assert.DoesNotContain("Punt van vorig jaar", titles);
    }

    [Fact]
    public async Task ClosedYear_PointsAreReadOnly()
    {
        await Data.ClosedYearAsync();
        var id = await Data.CreateDevelopmentPointAsync(World.SchoolA1, 2025, p => p.Titled("Afgesloten punt"));
        var client = await Factory.LoggedInClientAsync(World.SchoolA1User);

        var list = await client.GetHtmlAsync(ListUrl(A1, ClosedYear));
        Assert.NotNull(list.QuerySelector("[data-testid='year-closed']"));
        Assert.NotNull(list.QuerySelector($"[data-testid='development-point'][data-id='{id}']"));
        Assert.Empty(list.QuerySelectorAll("[data-testid='edit-point'], [data-testid='delete-point'], [data-testid='new-point']"));

        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync(EditUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync(DeleteUrl(A1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/school/{A1}/ontwikkelpunten/nieuw?jaar={ClosedYear}")).StatusCode);

        var post = await client.PostFormAsync(ListUrl(A1, ClosedYear), EditUrl(A1, id), new Dictionary<string, string>
        {
            ["Input.DomainKey"] = "rekenen",
            ["Input.AspectKey"] = "expertise",
            ["Input.Title"] = "Toch gewijzigd",
            ["Input.Status"] = "Done",
            ["Input.Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        var delete = await client.PostFormAsync(ListUrl(A1, ClosedYear), DeleteUrl(A1, id), new Dictionary<string, string> { ["Version"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var point = await FindAsync(Factory, id);
        Assert.Equal(("Afgesloten punt", 1), (point!.Title, point.Version));
    }

    [Fact]
    public async Task OwnerMaxLength_MatchesTheDatabaseColumn()
    {
        var length = await Factory.WithDbAsync(db => Task.FromResult(
            db.Model.FindEntityType(typeof(DevelopmentPoint))!.FindProperty(nameof(DevelopmentPoint.Owner))!.GetMaxLength()));
        Assert.Equal(DevelopmentPointForm.OwnerMaxLength, length);
    }
}
