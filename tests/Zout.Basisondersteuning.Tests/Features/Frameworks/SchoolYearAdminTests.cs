using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Frameworks;

/// <summary>The school years page, creating the next year and the scan window. Each test uses its own years.</summary>
[Collection(Portals.Administration)]
public sealed class SchoolYearAdminTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    public static TheoryData<string, string> NonAdminPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { World.SchoolA1User, World.SchoolA1Director, World.BoardAUser, World.Consultant })
        {
            foreach (var url in new[]
                     {
                         "/beheer/schooljaren", "/beheer/schooljaren/2030-2031/scanperiode", "/beheer/schooljaren/2030-2031/kader",
                         "/beheer/schooljaren/2030-2031/kader.json", "/beheer/schooljaren/2030-2031/kader/importeren",
                         "/beheer/schooljaren/2030-2031/kader/domeinen", "/beheer/schooljaren/2030-2031/kader/algemeen",
                     })
            {
                data.Add(user, url);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NonAdminPages))]
    public async Task Get_AdminPage_NonAdmin_ReturnsForbidden(string email, string url)
    {
        await Data.CreateYearAsync(2030, y => y.FrameworkStillEditable());
        var client = await Factory.LoggedInClientAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(World.Consultant, "/beheer/schooljaren/nieuw")]
    [InlineData(World.SchoolA1Director, "/beheer/schooljaren/2030-2031/kader/domeinen")]
    [InlineData(World.BoardAUser, "/beheer/schooljaren/2030-2031/sluiten")]
    public async Task Post_AdminAction_NonAdmin_ReturnsForbiddenAndChangesNothing(string email, string url)
    {
        await Data.CreateYearAsync(2030, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2030);
        var client = await Factory.LoggedInClientAsync(email);
        var response = await client.PostFormAsync("/account/wachtwoord-wijzigen", url,
            new Dictionary<string, string> { ["StartYear"] = "2031", ["Close"] = "true", ["Version"] = before.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await Factory.StoredAsync(2030));
        Assert.False(await Factory.WithDbAsync(db => db.SchoolYears.AnyAsync(y => y.StartYear == 2031 || (y.StartYear == 2030 && y.IsClosed))));
    }

    [Theory]
    [InlineData("/beheer/schooljaren")]
    [InlineData("/beheer/schooljaren/2030-2031/kader")]
    [InlineData("/beheer/schooljaren/2030-2031/kader.json")]
    public async Task Get_AdminPage_Anonymous_RedirectsToLogin(string url)
    {
        var response = await Factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/inloggen?returnUrl=", response.Location());
    }

    [Fact]
    public async Task Navigation_ShowsSchoolYearsLinkToAdminsOnly()
    {
        var admin = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync("/overzicht/scholen");
        Assert.Single(admin.QuerySelectorAll("nav a[href='/beheer/schooljaren']"));
        Assert.Equal("Schooljaren en kader", admin.QuerySelector("nav a[href='/beheer/schooljaren']")!.TextContent);

        var consultant = await (await Factory.LoggedInClientAsync(World.Consultant)).GetHtmlAsync("/overzicht/scholen");
        Assert.Empty(consultant.QuerySelectorAll("a[href='/beheer/schooljaren']"));
    }

    [Fact]
    public async Task Get_SchoolYears_ShowsWindowAndStatus()
    {
        await Data.CreateYearAsync(2041, y => y.FrameworkStillEditable());
        await Data.CreateYearAsync(2042, y => y.ScanOpenOnTheTestDate());
        await Data.CreateYearAsync(2043, y => y.ScanWindow(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30)).Closed());

        var page = await (await Factory.LoggedInClientAsync(World.Admin)).GetHtmlAsync("/beheer/schooljaren");
        string Status(string year) => page.QuerySelector($"[data-testid='year-row'][data-year='{year}'] [data-testid='year-status']")!.TextContent;
        Assert.Equal("Kader bewerkbaar", Status("2041-2042"));
        Assert.Equal("Scan open", Status("2042-2043"));
        Assert.Equal("Gesloten", Status("2043-2044"));
        Assert.Contains("1 mei 2027 t/m 30 juni 2027", page.QuerySelector("[data-testid='year-row'][data-year='2041-2042']")!.TextContent);
    }

    [Fact]
    public async Task Post_CreateNextYear_CopiesTheLatestYearsFramework()
    {
        var framework = TestData.SmallFramework();
        framework.Name = "Kader van 2090";
        framework.Domains[0].Examples.Add("Leesbevordering");
        await Data.CreateYearAsync(2090, y => y.WithFramework(framework).ScanWindow(new DateOnly(2091, 5, 1), new DateOnly(2091, 6, 30)));
        var client = await Factory.LoggedInClientAsync(World.Admin);

        var index = await client.GetHtmlAsync("/beheer/schooljaren");
        Assert.Equal("Schooljaar 2091-2092 aanmaken", index.QuerySelector("[data-testid='create-year']")!.TextContent);
        var response = await client.SubmitAsync(index, "form[action='/beheer/schooljaren/nieuw']", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/beheer/schooljaren", response.Location());

        var after = await client.GetHtmlAsync("/beheer/schooljaren");
        Assert.Equal("Schooljaar 2091-2092 is aangemaakt met een kopie van het kader van 2090-2091. "
            + "Arrangementen en teksten over extra ondersteuning zijn overgenomen van 2090-2091 (0 arrangementen).", after.QuerySelector("[data-testid='flash']")!.TextContent.Trim());
        Assert.Equal(await client.ExportAsync("2090-2091"), await client.ExportAsync("2091-2092"));
        Assert.Equal((await Factory.StoredAsync(2090)).Json, (await Factory.StoredAsync(2091)).Json);

        var year = await Factory.WithDbAsync(db => db.SchoolYears.AsNoTracking().SingleAsync(y => y.StartYear == 2091));
        Assert.Equal("2091-2092", year.Name);
        Assert.Equal(new DateOnly(2092, 5, 1), year.ScanOpensOn);
        Assert.Equal(new DateOnly(2092, 6, 30), year.ScanClosesOn);
        Assert.False(year.IsClosed);
    }

    [Fact]
    public async Task Post_CreateYearThatExists_IsRefused()
    {
        await Data.CreateYearAsync(2044, y => y.FrameworkStillEditable());
        var count = await Factory.WithDbAsync(db => db.SchoolYears.CountAsync());
        var client = await Factory.LoggedInClientAsync(World.Admin);

        var response = await client.PostFormAsync("/beheer/schooljaren", "/beheer/schooljaren/nieuw", new Dictionary<string, string> { ["StartYear"] = "2044" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetHtmlAsync("/beheer/schooljaren");
        Assert.Equal("Schooljaar 2044-2045 bestaat al; er is niets aangemaakt.", page.QuerySelector("[data-testid='flash']")!.TextContent.Trim());
        Assert.Equal(count, await Factory.WithDbAsync(db => db.SchoolYears.CountAsync()));
    }

    [Fact]
    public async Task Post_ScanWindow_Valid_IsSaved()
    {
        await Data.CreateYearAsync(2045, y => y.FrameworkStillEditable());
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var page = await client.GetHtmlAsync("/beheer/schooljaren/2045-2046/scanperiode");
        Assert.Equal("2027-05-01", page.Value("#Input_OpensOn"));

        var response = await client.SubmitAsync(page, "form[action$='/scanperiode']", v =>
        {
            v["Input.OpensOn"] = "2046-05-11";
            v["Input.ClosesOn"] = "2046-06-26";
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var year = await Factory.WithDbAsync(db => db.SchoolYears.AsNoTracking().SingleAsync(y => y.StartYear == 2045));
        Assert.Equal((new DateOnly(2046, 5, 11), new DateOnly(2046, 6, 26)), (year.ScanOpensOn!.Value, year.ScanClosesOn!.Value));
    }

    [Theory]
    [InlineData("", "", "Vul de datum in waarop de scan opengaat.", "Vul de datum in waarop de scan sluit.")]
    [InlineData("2046-06-30", "2046-05-01", null, "De sluitingsdatum moet op of na de openingsdatum liggen.")]
    [InlineData("2046-02-31", "2046-06-30", "Vul een geldige datum in, zoals 1-5-2027.", null)]
    public async Task Post_ScanWindow_Invalid_ShowsDutchErrorsAndKeepsInput(string opens, string closes, string? opensError, string? closesError)
    {
        await Data.CreateYearAsync(2046, y => y.FrameworkStillEditable());
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var page = await client.GetHtmlAsync("/beheer/schooljaren/2046-2047/scanperiode");
        var response = await client.SubmitAsync(page, "form[action$='/scanperiode']", v =>
        {
            v["Input.OpensOn"] = opens;
            v["Input.ClosesOn"] = closes;
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.HtmlAsync();
        Assert.Equal(opensError, result.QuerySelector("[data-testid='error-Input_OpensOn'] p")?.TextContent);
        Assert.Equal(closesError, result.QuerySelector("[data-testid='error-Input_ClosesOn'] p")?.TextContent);
        Assert.Equal(opens, result.Value("#Input_OpensOn"));
        Assert.Equal(closes, result.Value("#Input_ClosesOn"));
        var year = await Factory.WithDbAsync(db => db.SchoolYears.AsNoTracking().SingleAsync(y => y.StartYear == 2046));
        Assert.Equal(new DateOnly(2027, 5, 1), year.ScanOpensOn);
    }

    [Fact]
    public async Task Post_ScanWindow_OpeningAlreadyPassed_CannotMoveToTheFuture()
    {
        await Data.CreateYearAsync(2047, y => y.ScanOpenOnTheTestDate());
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var page = await client.GetHtmlAsync("/beheer/schooljaren/2047-2048/scanperiode");

        var response = await client.SubmitAsync(page, "form[action$='/scanperiode']", v => v["Input.OpensOn"] = "2026-12-01");
        var result = await response.HtmlAsync();
        Assert.Contains("kan niet meer naar de toekomst", result.QuerySelector("[data-testid='error-Input_OpensOn']")!.TextContent);

        // Extending the closing date of an open scan is fine.
        response = await client.SubmitAsync(page, "form[action$='/scanperiode']", v => v["Input.ClosesOn"] = "2027-01-15");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2027, 1, 15), await Factory.WithDbAsync(db => db.SchoolYears.Where(y => y.StartYear == 2047).Select(y => y.ScanClosesOn).SingleAsync()));
    }

    [Fact]
    public async Task Post_CloseYear_ClosesItAndFixesTheFramework()
    {
        await Data.CreateYearAsync(2048, y => y.FrameworkStillEditable());
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var page = await client.GetHtmlAsync("/beheer/schooljaren/2048-2049/scanperiode");

        var response = await client.SubmitAsync(page, "form[action$='/sluiten']", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.SchoolYears.Where(y => y.StartYear == 2048).Select(y => y.IsClosed).SingleAsync()));

        var framework = await client.GetHtmlAsync("/beheer/schooljaren/2048-2049/kader");
        Assert.Contains("is gesloten", framework.QuerySelector("[data-testid='not-editable']")!.TextContent);
        Assert.Empty(framework.QuerySelectorAll("[data-testid='editor-link']"));

        var window = await client.GetHtmlAsync("/beheer/schooljaren/2048-2049/scanperiode");
        Assert.Null(window.QuerySelector("form[action$='/scanperiode']"));
        response = await client.SubmitAsync(window, "form[action$='/sluiten']", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.SchoolYears.Where(y => y.StartYear == 2048).Select(y => y.IsClosed).SingleAsync()));
    }

    [Fact]
    public async Task Get_UnknownYear_ReturnsNotFound()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/beheer/schooljaren/1999-2000/kader")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/beheer/schooljaren/2030-2032/kader")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/beheer/schooljaren/1999-2000/kader.json")).StatusCode);
    }

    [Fact]
    public async Task YearWithoutFramework_CanStartWithTheDefault()
    {
        await Data.CreateYearAsync(2049, y => y.WithoutFramework().WithoutScanWindow());
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var page = await client.GetHtmlAsync("/beheer/schooljaren/2049-2050/kader");
        Assert.Contains("nog geen kader", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/beheer/schooljaren/2049-2050/kader/domeinen")).StatusCode);

        // Earlier years of this class have frameworks, so a copy is offered first; choose the default template.
        var response = await client.SubmitAsync(page, "form[action$='/kader/standaard']", v => v["Framework"] = "domeinen-aspecten");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Web.Domain.Scans.DefaultFramework.Create().ToJson(), (await Factory.StoredAsync(2049)).Json);
    }
}
