using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Support;
using Zout.Basisondersteuning.Web.Features.Structure;

namespace Zout.Basisondersteuning.Tests.Features.Support;

/// <summary>
/// The partnership's arrangements as seed 004 describes them, the texts of a year and the public page that filters them.
/// Each test has school years of its own (2075 to 2079) on the administration portal.
/// </summary>
[Collection(Portals.Administration)]
public sealed class ArrangementTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private Task<int> CountAsync(string year) => Factory.WithDbAsync(db => db.SupportArrangements.CountAsync(a => a.SchoolYear.Name == year));

    [Fact]
    public async Task Post_ArrangementWithEveryField_IsShownOnThePublicPage_AndInTheAdminsDownload()
    {
        await Data.CreateYearAsync(2075);
        const string year = "2075-2076";
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var saved = await admin.PostArrangementAsync(year, SupportPages.Arrangement("Samen Sterk", form: "Clustered", relation: "Additional", status: "InDevelopment",
            durations: ["ShortTerm", "MediumTerm"], regionIds: [World.South.Id], hostSchoolId: World.SchoolA2.Id, places: "6"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Factory.CreatePortalClient().GetHtmlAsync($"/ondersteuning?jaar={year}");
        var card = Assert.Single(page.QuerySelectorAll("[data-testid='support-arrangement']"));
        Assert.Equal("Samen Sterk", card.QuerySelector("h3")!.TextContent);
        var facts = card.QuerySelectorAll("dt").Zip(card.QuerySelectorAll("dd"), (dt, dd) => (dt.TextContent, dd.TextContent)).ToDictionary();
        Assert.Equal("Leerlingen van groep 3 tot en met 8.", facts["Voor wie"]);
        Assert.Equal("Geclusterd arrangement", facts["Vorm"]);
        Assert.Equal("Aanvullend (naast de eigen groep)", facts["Vervangend of aanvullend"]);
        Assert.Equal("short (½ jaar) of medium (1 jaar)", facts["Duur"]);
        Assert.Equal("In ontwikkeling", facts["Status"]);
        Assert.Equal("Obs Boomklever, Gymzaal De Brink", facts["Waar"]);
        Assert.Equal("Zuid", facts["Beschikbaar in"]);
        Assert.Equal("6", facts["Plaatsen"]);
        Assert.Equal("Via de intern begeleider.", facts["Aanmelden"]);
        Assert.Equal("Team Passend Onderwijs, 030 000 00 00", facts["Contact"]);
        Assert.Equal("Omschrijving van Samen Sterk.", card.QuerySelector("p")!.TextContent);

        // A year without texts of its own shows the route of seed 004.
        Assert.Equal(SupportDefaults.PhaseTitles, page.QuerySelectorAll("[data-testid='support-phase'] strong").Select(s => s.TextContent));
        Assert.Equal(SupportDefaults.FollowUpTitle, page.QuerySelector("[data-testid='support-follow-up'] h3")!.TextContent);

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"{SupportPages.YearPage(year)}?export=csv&tabel=arrangementen"));
        Assert.Contains("Naam;Vorm;Vervangend of aanvullend;Duur;Status;Waar;Beschikbaar in;Plaatsen", csv, StringComparison.Ordinal);
        Assert.Contains("Samen Sterk;Geclusterd arrangement;Aanvullend;short (½ jaar) of medium (1 jaar);In ontwikkeling;Obs Boomklever, Gymzaal De Brink;Zuid;6", csv, StringComparison.Ordinal);
        var admins = await admin.GetHtmlAsync(SupportPages.YearPage(year));
        Assert.Equal(["Samen Sterk"], admins.QuerySelectorAll("[data-testid='row-arrangementen'] th").Select(th => th.TextContent));
        Assert.NotNull(admins.QuerySelector("[data-testid='download-xlsx-arrangementen']"));
    }

    [Fact]
    public async Task Post_ArrangementWithBadInput_ShowsDutchMessagesNextToTheFields_KeepsTheInput_AndSavesNothing()
    {
        await Data.CreateYearAsync(2076);
        const string year = "2076-2077";
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var fields = SupportPages.Arrangement("", form: "Teleport", status: "Misschien", durations: ["Eeuwig"], places: "veel");
        var response = await admin.PostArrangementAsync(year, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Vul de naam van het arrangement in.", page.QuerySelector("[data-testid='error-Input_Name']")!.TextContent.Trim());
        Assert.Equal("Kies individueel, geclusterd of groepsarrangement.", page.QuerySelector("[data-testid='error-Input_Form']")!.TextContent.Trim());
        Assert.Equal("Kies short, medium of long (of niets: in overleg).", page.QuerySelector("[data-testid='error-Input_Durations']")!.TextContent.Trim());
        Assert.Equal("Kies beschikbaar of in ontwikkeling.", page.QuerySelector("[data-testid='error-Input_Status']")!.TextContent.Trim());
        Assert.Equal("Vul een aantal plaatsen in van 1 tot en met 10.000, of laat het leeg.", page.QuerySelector("[data-testid='error-Input_Places']")!.TextContent.Trim());
        Assert.Equal("veel", page.Value("#Input_Places"));
        Assert.Equal("Gymzaal De Brink", page.Value("#Input_Location"));
        Assert.NotNull(page.QuerySelector("[data-testid='error-summary'] a[href='#Input_Durations']"));

        // Zero places, and a host school that does not exist.
        var second = await admin.PostArrangementAsync(year, SupportPages.Arrangement("DOEN-groep", places: "0"));
        Assert.Equal("Vul een aantal plaatsen in van 1 tot en met 10.000, of laat het leeg.", (await second.HtmlAsync()).QuerySelector("[data-testid='error-Input_Places']")!.TextContent.Trim());
        var third = await admin.PostArrangementAsync(year, SupportPages.Arrangement("DOEN-groep", hostSchoolId: 999_999));
        Assert.Equal("Kies een school uit de lijst.", (await third.HtmlAsync()).QuerySelector("[data-testid='error-Input_HostSchoolId']")!.TextContent.Trim());
        Assert.Equal(0, await CountAsync(year));
    }

    [Fact]
    public async Task Post_ArrangementChangedByTwoAdmins_TheSecondSeesTheFirstsChange_AndOverwritesNothing()
    {
        await Data.CreateYearAsync(2077);
        const string year = "2077-2078";
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        await admin.PostArrangementAsync(year, SupportPages.Arrangement("DOEN-groep", durations: ["ShortTerm"]));
        var id = await Factory.WithDbAsync(db => db.SupportArrangements.Where(a => a.SchoolYear.Name == year).Select(a => a.Id).SingleAsync());
        var url = $"{SupportPages.YearPage(year)}/arrangementen/{id.ToString(CultureInfo.InvariantCulture)}";
        var other = await Factory.LoggedInClientAsync(World.Admin);
        var mine = await admin.GetHtmlAsync(url);
        var theirs = await other.GetHtmlAsync(url);

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAllAsync(theirs, "[data-testid='arrangement-form']", new Dictionary<string, string> { ["Input.Places"] = "9" })).StatusCode);
        var stale = await admin.SubmitAllAsync(mine, "[data-testid='arrangement-form']", new Dictionary<string, string> { ["Input.Name"] = "DOEN-groep Noord" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.HtmlAsync();
        Assert.Contains(StructureForms.ConflictMessage, page.QuerySelector("[data-testid='error-summary']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9", page.Value("#Input_Places"));
        Assert.Equal("DOEN-groep", page.Value("#Input_Name"));
        var stored = await Factory.WithDbAsync(db => db.SupportArrangements.SingleAsync(a => a.Id == id));
        Assert.Equal(("DOEN-groep", 9), (stored.Name, stored.Places));
    }

    [Fact]
    public async Task PublicPage_FiltersTheArrangementsByRegionAndForm()
    {
        await Data.CreateYearAsync(2078);
        const string year = "2078-2079";
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        await admin.PostArrangementAsync(year, SupportPages.Arrangement("Overal"));
        await admin.PostArrangementAsync(year, SupportPages.Arrangement("Alleen Noord", regionIds: [World.North.Id]));
        await admin.PostArrangementAsync(year, SupportPages.Arrangement("Eigen school Zuid", form: "Individual", relation: "Additional", regionIds: [World.South.Id]));
        var anonymous = Factory.CreatePortalClient();

        async Task<(IReadOnlyList<string> Names, string Count)> ShownAsync(string query)
        {
            var page = await anonymous.GetHtmlAsync($"/ondersteuning?jaar={year}{query}");
            return (page.QuerySelectorAll("[data-testid='support-arrangement'] h3").Select(h => h.TextContent).ToList(),
                page.QuerySelector("[data-testid='arrangement-count']")!.TextContent.Trim());
        }

        var north = World.North.Id.ToString(CultureInfo.InvariantCulture);
        var south = World.South.Id.ToString(CultureInfo.InvariantCulture);
        // In the order the partnership gave them (here all the same), then by name.
        var all = await ShownAsync("");
        Assert.Equal(["Alleen Noord", "Eigen school Zuid", "Overal"], all.Names);
        Assert.Equal("3 arrangementen.", all.Count);
        var byRegion = await ShownAsync($"&regio={north}");
        Assert.Equal(["Alleen Noord", "Overal"], byRegion.Names);
        Assert.StartsWith("2 van de 3 arrangementen beschikbaar in Noord.", byRegion.Count, StringComparison.Ordinal);
        Assert.Equal(["Eigen school Zuid"], (await ShownAsync("&vorm=Individual")).Names);
        var both = await ShownAsync($"&regio={south}&vorm=Group");
        Assert.Equal(["Overal"], both.Names);
        Assert.StartsWith("1 van de 3 arrangementen: groepsarrangementen beschikbaar in Zuid.", both.Count, StringComparison.Ordinal);
        Assert.Empty((await ShownAsync($"&regio={north}&vorm=Clustered")).Names);
        // An unknown choice filters nothing.
        Assert.Equal(3, (await ShownAsync("&vorm=Teleport&regio=999999")).Names.Count);

        var filtered = await anonymous.GetHtmlAsync($"/ondersteuning?jaar={year}&regio={south}&vorm=Group");
        Assert.Equal(south, filtered.Value("[data-testid='region-filter']"));
        Assert.Equal("Group", filtered.Value("[data-testid='form-filter']"));
        Assert.Equal(["Individuele arrangementen", "Geclusterde arrangementen", "Groepsarrangementen"],
            filtered.QuerySelectorAll("[data-testid='form-filter'] option").Skip(1).Select(o => o.TextContent));
    }

    [Fact]
    public async Task Post_TextsWithoutATitleOrFraming_AreRefusedWithDutchMessages_AndTheSopShowsTheYearsOwnFraming()
    {
        await Data.CreateYearAsync(2079);
        const string year = "2079-2080";
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var form = await admin.GetHtmlAsync(SupportPages.YearPage(year));
        Assert.Equal(SupportDefaults.SopFraming, form.Value("#Texts_SopFraming"));
        Assert.Equal(SupportDefaults.PhaseTitles[3], form.Value("#Texts_Phase4Title"));

        var refused = await admin.SubmitAsync(form, "[data-testid='texts-form']", new Dictionary<string, string> { ["Texts.SopFraming"] = " ", ["Texts.Phase3Title"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Equal("Vul de tekst in waarmee elk schoolondersteuningsprofiel begint.", page.QuerySelector("[data-testid='error-Texts_SopFraming']")!.TextContent.Trim());
        Assert.Equal("Geef een titel voor fase 3.", page.QuerySelector("[data-testid='error-Texts_Phase3Title']")!.TextContent.Trim());
        Assert.False(await Factory.WithDbAsync(db => db.SupportOfferings.AnyAsync(o => o.SchoolYear.Name == year)));

        var saved = await admin.SubmitAsync(form, "[data-testid='texts-form']", new Dictionary<string, string>
        {
            ["Texts.SopFraming"] = "Dit SOP is een momentopname.\nHet is geen juridische toetssteen.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var school = await Data.CreateSchoolAsync(s => s.WithStaff().WithScan(2079, scan => scan.Question("visie", "Ieder kind hoort erbij.")));
        var sop = await (await Factory.LoggedInClientAsync(school.Ib)).GetHtmlAsync($"/school/{school.Code}/documenten/{year}/sop");
        Assert.Equal(["Dit SOP is een momentopname.", "Het is geen juridische toetssteen."], sop.QuerySelectorAll("[data-testid='sop-framing'] p").Select(p => p.TextContent));
    }
}
