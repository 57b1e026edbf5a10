using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Features.Structure;

namespace Zout.Basisondersteuning.Tests.Features.Schools;

/// <summary>
/// The school's basiskwaliteit: the inspection's most recent judgement and its date, filled in by the school or the admin,
/// shown on the school's page and in its SOP. On the documents portal (this year's SOP); each test has a school of its own.
/// </summary>
[Collection(Portals.Documents)]
public sealed class InspectionTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    private static string Form(TestSchool school) => $"/school/{school.Code}/inspectie";

    private Task<(InspectionJudgement? Judgement, DateOnly? Date, string? Url)> StoredAsync(TestSchool school) =>
        Factory.WithDbAsync(db => db.Schools.Where(s => s.Id == school.Id).Select(s => ValueTuple.Create(s.InspectionJudgement, s.InspectionDate, s.InspectionReportUrl)).SingleAsync());

    [Fact]
    public async Task SchoolUser_FillsInTheJudgement_ShownOnTheSchoolPage_InTheSop_AndInTheLog()
    {
        var school = await Data.CreateSchoolAsync(s => s.WithStaff());
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var before = await ib.GetHtmlAsync($"/school/{school.Code}");
        Assert.Contains("Nog niet ingevuld", before.QuerySelector("[data-testid='inspection']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Form(school), before.QuerySelector("[data-testid='edit-inspection']")!.GetAttribute("href"));

        var saved = await ib.SubmitAsync(await ib.GetHtmlAsync(Form(school)), "[data-testid='inspection-form']", new Dictionary<string, string>
        {
            ["Input.Judgement"] = "Good",
            ["Input.Date"] = "2024-03-14",
            ["Input.ReportUrl"] = "https://www.onderwijsinspectie.nl/zoek-scholen/testschool",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/school/{school.Code}", saved.Location());
        Assert.Equal((InspectionJudgement.Good, new DateOnly(2024, 3, 14), "https://www.onderwijsinspectie.nl/zoek-scholen/testschool"), await StoredAsync(school));

        var page = await ib.GetHtmlAsync($"/school/{school.Code}");
        var shown = page.QuerySelector("[data-testid='inspection']")!.TextContent;
        Assert.Contains("Goed", shown, StringComparison.Ordinal);
        Assert.Contains("14 maart 2024", shown, StringComparison.Ordinal);

        var sop = await ib.GetHtmlAsync($"/school/{school.Code}/documenten/{TestData.ThisYear}/sop");
        var quality = sop.QuerySelector("[data-testid='sop-basic-quality']")!;
        Assert.Equal("Basiskwaliteit", quality.QuerySelector("h2")!.TextContent);
        Assert.Equal("Het meest recente oordeel van de inspectie over onze school is: Goed (14 maart 2024).",
            System.Text.RegularExpressions.Regex.Replace(quality.QuerySelector("[data-testid='inspection']")!.TextContent, @"\s+", " ").Trim());
        Assert.NotNull(quality.QuerySelector("a[href='https://www.onderwijsinspectie.nl/zoek-scholen/testschool']"));

        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.SchoolDataChanged && e.Subject == school.Code && e.Actor == school.Ib)));
    }

    [Fact]
    public async Task Post_BadInput_ShowsDutchMessagesNextToTheFields_AndSavesNothing()
    {
        var school = await Data.CreateSchoolAsync(s => s.WithStaff());
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var form = await ib.GetHtmlAsync(Form(school));

        async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedAsync(Dictionary<string, string> values)
        {
            var response = await ib.SubmitAsync(form, "[data-testid='inspection-form']", values);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.HtmlAsync();
        }

        string Error(AngleSharp.Html.Dom.IHtmlDocument page, string field) => page.QuerySelector($"[data-testid='error-Input_{field}']")!.TextContent.Trim();

        var noDate = await RefusedAsync(new() { ["Input.Judgement"] = "Sufficient", ["Input.ReportUrl"] = "onderwijsinspectie" });
        Assert.Equal("Vul de datum van het oordeel in.", Error(noDate, "Date"));
        Assert.Equal("Vul een volledig webadres in, dat begint met https://.", Error(noDate, "ReportUrl"));
        Assert.Equal("onderwijsinspectie", noDate.Value("#Input_ReportUrl"));
        Assert.Equal("Sufficient", noDate.Value("#Input_Judgement"));

        // The fake clock stands on 23 November 2026.
        Assert.Equal("De datum van het oordeel ligt in de toekomst.", Error(await RefusedAsync(new() { ["Input.Judgement"] = "Good", ["Input.Date"] = "2026-11-24" }), "Date"));
        Assert.Equal("Kies ook het oordeel, of maak de datum leeg.", Error(await RefusedAsync(new() { ["Input.Date"] = "2024-01-01" }), "Date"));
        Assert.Equal("Kies een oordeel uit de lijst.", Error(await RefusedAsync(new() { ["Input.Judgement"] = "Fantastisch", ["Input.Date"] = "2024-01-01" }), "Judgement"));
        Assert.Equal("Vul een geldige datum in, zoals 14-03-2024.", Error(await RefusedAsync(new() { ["Input.Judgement"] = "Good", ["Input.Date"] = "14 maart" }), "Date"));
        Assert.Equal((null, null, null), await StoredAsync(school));
    }

    [Fact]
    public async Task TheSchoolAndTheAdminMayFillItIn_NobodyElse()
    {
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());
        foreach (var other in new[] { World.SchoolA1User, World.BoardAUser, World.Consultant })
        {
            var client = await Factory.LoggedInClientAsync(other);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Form(school))).StatusCode);
            var post = await client.PostFormAsync("/account/wachtwoord-wijzigen", Form(school), new Dictionary<string, string> { ["Input.Judgement"] = "VeryWeak", ["Input.Date"] = "2024-01-01" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreatePortalClient().GetAsync(Form(school))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.LoggedInClientAsync(World.Admin)).GetAsync("/school/00XX00/inspectie")).StatusCode);
        // The board user reads the school's page, without the link to change it.
        var board = await (await Factory.LoggedInClientAsync(World.BoardAUser)).GetHtmlAsync($"/school/{school.Code}");
        Assert.NotNull(board.QuerySelector("[data-testid='inspection']"));
        Assert.Null(board.QuerySelector("[data-testid='edit-inspection']"));
        Assert.Equal((null, null, null), await StoredAsync(school));

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var saved = await admin.SubmitAsync(await admin.GetHtmlAsync(Form(school)), "[data-testid='inspection-form']",
            new Dictionary<string, string> { ["Input.Judgement"] = "BasicSupervision", ["Input.Date"] = "2023-06-01" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((InspectionJudgement.BasicSupervision, new DateOnly(2023, 6, 1), null), await StoredAsync(school));
    }

    [Fact]
    public async Task TwoSavesOfTheSameForm_TheSecondSeesTheFirst_AndOverwritesNothing()
    {
        var school = await Data.CreateSchoolAsync(s => s.WithStaff());
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var director = await Factory.LoggedInClientAsync(school.Director);
        var mine = await ib.GetHtmlAsync(Form(school));
        var theirs = await director.GetHtmlAsync(Form(school));

        // The version is the time of the last change: a minute passes.
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await director.SubmitAsync(theirs, "[data-testid='inspection-form']",
            new Dictionary<string, string> { ["Input.Judgement"] = "Sufficient", ["Input.Date"] = "2025-02-03" })).StatusCode);
        var stale = await ib.SubmitAsync(mine, "[data-testid='inspection-form']", new Dictionary<string, string> { ["Input.Judgement"] = "Good", ["Input.Date"] = "2024-01-01" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.HtmlAsync();
        Assert.Contains(StructureForms.ConflictMessage, page.QuerySelector("[data-testid='error-summary']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sufficient", page.Value("#Input_Judgement"));
        Assert.Equal("2025-02-03", page.Value("#Input_Date"));
        Assert.Equal((InspectionJudgement.Sufficient, new DateOnly(2025, 2, 3), null), await StoredAsync(school));
    }
}
