using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

[Collection(Portals.Scans)]
public sealed class ScanFormTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    /// <summary>A school of its own per test, in board A, with an IB-er and a directeur.</summary>
    private Task<TestSchool> NewSchoolAsync() => Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());

    [Fact]
    public async Task Get_Overview_SchoolUser_StartsScan_ListsEverySectionAsNotComplete()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        Assert.Equal(school.Scan(), (await client.GetAsync($"/school/{school.Code}/scan")).Location());

        var page = await client.GetHtmlAsync(school.Scan());
        Assert.Equal(["domein-taal-lezen", "domein-rekenen", "verandercapaciteit", "afspraken", "aanbod", "open-vragen", "financien", "kengetallen"],
            page.TestIds("section-row", "data-section"));
        Assert.All(page.TestIds("section-row", "data-complete"), c => Assert.Equal("false", c));
        Assert.Equal("Niet begonnen", page.QuerySelector("[data-testid='scan-status']")?.TextContent);
    }

    [Fact]
    public async Task Get_Section_FormsPostToTheSectionsOwnAddresses()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var section = school.Section("domein-taal-lezen");
        var page = await client.GetHtmlAsync(section);
        var form = page.QuerySelector("[data-testid='section-form']")!;
        Assert.Equal(section, form.GetAttribute("action"));
        Assert.Equal(section + "/concept", form.GetAttribute("data-autosave"));
    }

    [Fact]
    public async Task Post_DomainSection_Valid_SavesAndOverviewShowsComplete()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(client, school.Section("domein-taal-lezen"), CompleteTaal);

        var overview = await client.GetHtmlAsync(school.Scan());
        var row = overview.QuerySelector("[data-section='domein-taal-lezen']")!;
        Assert.Equal("true", row.GetAttribute("data-complete"));
        Assert.Equal("Concept", overview.QuerySelector("[data-testid='scan-status']")?.TextContent);

        var stored = await Factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id).OrderBy(a => a.ItemKey).ToListAsync());
        Assert.Equal(["d:taal-lezen:aanbod", "d:taal-lezen:expertise"], stored.Select(a => a.ItemKey));
        Assert.Equal(2, stored[0].Level);
        Assert.Equal(3, stored[0].TargetLevel);
    }

    [Fact]
    public async Task Post_DomainSection_PartlyFilled_IsSavedButNotComplete_WithWhatIsMissing()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(client, school.Section("domein-rekenen"), new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 3) });
        var overview = await client.GetHtmlAsync(school.Scan());
        var row = overview.QuerySelector("[data-section='domein-rekenen']")!;
        Assert.Equal("false", row.GetAttribute("data-complete"));
        Assert.Contains("Aanbod: kies een niveau", row.TextContent);
    }

    [Fact]
    public async Task Post_DomainSection_LowLevelWithoutExplanation_ShowsDutchErrorNextToField_KeepsInput()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var response = await SaveSectionAsync(client, school.Section("domein-taal-lezen"), new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 1),
            ["d:taal-lezen:aanbod"] = new(Level: 3, Target: 4, Text: "Deze tekst blijft staan"),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.HtmlAsync();
        var (_, index, _) = await ReadSectionAsync(client, school.Section("domein-taal-lezen"));
        var expertise = index["d:taal-lezen:expertise"];
        var aanbod = index["d:taal-lezen:aanbod"];
        Assert.Contains("Geef een toelichting bij niveau 1", page.QuerySelector($"[data-testid='error-Input_Items_{expertise}__Text']")?.TextContent);
        Assert.Equal("true", page.QuerySelector($"#Input_Items_{expertise}__Text")?.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector($"#Input_Items_{expertise}__Level_1[checked]"));
        Assert.Equal("Deze tekst blijft staan", page.QuerySelector($"#Input_Items_{aanbod}__Text")?.TextContent);
        Assert.NotNull(page.QuerySelector($"#Input_Items_{aanbod}__TargetLevel option[value='4'][selected]"));
        Assert.NotNull(page.QuerySelector("[data-testid='error-summary']"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScanAnswers.CountAsync(a => a.Scan.SchoolId == school.Id)));
    }

    [Theory]
    [InlineData(5, null, "Kies een niveau van 1 tot en met 4.")]
    [InlineData(3, 2, "Het streefniveau moet hoger zijn dan het huidige niveau.")]
    [InlineData(3, 9, "Kies een streefniveau van 1 tot en met 4.")]
    public async Task Post_DomainSection_LevelsOutsideTheRules_AreRefused(int level, int? target, string message)
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var response = await SaveSectionAsync(client, school.Section("domein-rekenen"), new Dictionary<string, ItemValues>
        {
            ["d:rekenen:expertise"] = new(Level: level, Target: target, Text: "toelichting"),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, (await response.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);
    }

    [Fact]
    public async Task Post_DomainSection_TooLongExplanation_IsRefused()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var response = await SaveSectionAsync(client, school.Section("domein-rekenen"), new Dictionary<string, ItemValues>
        {
            ["d:rekenen:expertise"] = new(Level: 3, Text: new string('x', 1001)),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("hoogstens 1000 tekens", (await response.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);
    }

    [Fact]
    public async Task Post_EveryKindOfSection_IsStored()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await CompleteAllSectionsAsync(client, school);

        var answers = await Factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id).ToDictionaryAsync(a => a.ItemKey));
        Assert.Equal(4, answers["cc:leiderschap"].Level);
        Assert.Equal(2, answers["a:1"].Level);
        Assert.True(answers["o:dyslexiespecialist"].Checked);
        Assert.Equal(2m, answers["o:dyslexiespecialist"].Number);
        Assert.False(answers.ContainsKey("o:gedragsspecialist") && answers["o:gedragsspecialist"].Checked);
        Assert.Equal("Elk kind hoort erbij.", answers["q:visie"].Text);
        Assert.Equal(12000m, answers["f:ib"].Number);
        Assert.Equal(3500.50m, answers["f:scholing"].Number);
        Assert.Equal("Meer leerlingen bleven op school.", answers["f:evaluation"].Text);
        Assert.Equal(3m, answers["k:arrangementen"].Number);

        var overview = await client.GetHtmlAsync(school.Scan());
        Assert.All(overview.TestIds("section-row", "data-complete"), c => Assert.Equal("true", c));

        var finances = await client.GetHtmlAsync(school.Section("financien"));
        Assert.Contains("20.000", finances.QuerySelector("[data-testid='budget-amount']")?.TextContent); // 200 pupils x € 100
    }

    [Fact]
    public async Task Post_Finances_NegativeOrUnreadableAmount_IsRefused_WithInputKept()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var response = await SaveSectionAsync(client, school.Section("financien"), new Dictionary<string, ItemValues>
        {
            ["f:ib"] = new(Number: "-100"),
            ["f:scholing"] = new(Number: "veel"),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.HtmlAsync();
        var summary = page.QuerySelector("[data-testid='error-summary']")!.TextContent;
        Assert.Contains("Een bedrag kan niet negatief zijn.", summary);
        Assert.Contains("Vul een bedrag in euro's in", summary);
        Assert.Contains(page.QuerySelectorAll("input"), i => i.GetAttribute("value") == "veel");
    }

    [Fact]
    public async Task Post_OpenQuestion_TooLong_IsRefused()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var response = await SaveSectionAsync(client, school.Section("open-vragen"), new Dictionary<string, ItemValues> { ["q:visie"] = new(Text: new string('a', 2001)) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("hoogstens 2000 tekens", (await response.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);
    }

    [Fact]
    public async Task Post_Offering_NoteOfItemWithoutNote_IsIgnored()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(client, school.Section("aanbod"), new Dictionary<string, ItemValues>
        {
            ["o:lift"] = new(Checked: true, Text: "mag niet", Number: "5"),
            ["o:prikkelarme-ruimte"] = new(Checked: true, Text: "Stiltehoek bij groep 5"),
        });
        var answers = await Factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id).ToDictionaryAsync(a => a.ItemKey));
        Assert.Null(answers["o:lift"].Text);
        Assert.Null(answers["o:lift"].Number);
        Assert.Equal("Stiltehoek bij groep 5", answers["o:prikkelarme-ruimte"].Text);
    }

    [Fact]
    public async Task SectionPage_LinksEveryCellToANewDevelopmentPoint()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var page = await client.GetHtmlAsync(school.Section("domein-rekenen"));
        Assert.Equal(
            [$"/school/{school.Code}/ontwikkelpunten/nieuw?jaar=2026-2027&domein=rekenen&aspect=expertise", $"/school/{school.Code}/ontwikkelpunten/nieuw?jaar=2026-2027&domein=rekenen&aspect=aanbod"],
            page.TestIds("new-development-point", "href"));
    }

    [Fact]
    public async Task UnknownSectionOrYear_IsNotFound()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(school.Section("domein-bestaat-niet"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(school.Scan("2030-2031"))).StatusCode);
    }
}
