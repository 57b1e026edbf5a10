using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Infrastructure.Pdfs;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>Conversation reports, the Vergelijkingsrapport and the bulk ZIP: who may see what. Needs Chromium.</summary>
[Collection(Portals.Documents)]
public sealed class ReportTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private static readonly string[] Reports = ["sop", "ouderrapport", "leraarposter", "financien", "afspraken", "scanrapport"];

    private Task<TestSchool> CompleteSchoolAsync() => ScanForms.CompleteSchoolAsync(Factory, World.BoardA);

    private Task<TestSchool> AdoptedSchoolAsync() => ScanForms.AdoptedSchoolAsync(Factory, World.BoardA);

    [Fact]
    public async Task EveryReport_IsForTheSchoolItsBoardAndThePartnership_Only()
    {
        var school = await AdoptedSchoolAsync();
        var own = await Factory.LoggedInClientAsync(school.Ib);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var consultant = await Factory.LoggedInClientAsync(World.Consultant);
        var otherSchool = await Factory.LoggedInClientAsync(World.SchoolB1User);
        var southConsultant = await Factory.LoggedInClientAsync(World.SouthConsultant);
        var anonymous = Factory.CreatePortalClient();

        foreach (var report in Reports)
        {
            var url = $"/school/{school.Code}/documenten/2026-2027/{report}";
            foreach (var allowed in new[] { own, board, admin, consultant })
            {
                var page = await allowed.GetHtmlAsync(url);
                Assert.NotNull(page.QuerySelector($"[data-testid='document'][data-document='{report}']"));
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await otherSchool.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await otherSchool.GetAsync(url + ".pdf")).StatusCode);
            // The south consultant is not this school's contact person and it has no region.
            Assert.Equal(HttpStatusCode.Forbidden, (await southConsultant.GetAsync(url)).StatusCode);
            var login = await anonymous.GetAsync(url + ".pdf");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.StartsWith("https://localhost/account/inloggen", login.Location());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await otherSchool.GetAsync($"/school/{school.Code}/documenten")).StatusCode);
        var versionId = await Factory.WithDbAsync(db => db.PublishedDocuments.Where(d => d.SchoolId == school.Id).Select(d => d.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSchool.GetAsync($"/school/{school.Code}/documenten/versie/{versionId}.pdf")).StatusCode);
        var stored = await GetPdfAsync(board, $"/school/{school.Code}/documenten/versie/{versionId}.pdf");
        Assert.Equal(await Factory.WithDbAsync(db => db.PublishedDocuments.Where(d => d.Id == versionId).Select(d => d.Pdf).SingleAsync()), stored);
        // A version id of this school under another school's address is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.GetAsync($"/school/{World.SchoolB1Code}/documenten/versie/{versionId}.pdf")).StatusCode);
    }

    [Fact]
    public async Task Reports_PrintWithTheirContent_PosterOnOneA3Page()
    {
        var school = await AdoptedSchoolAsync();
        var own = await Factory.LoggedInClientAsync(school.Ib);
        var basePath = $"/school/{school.Code}/documenten/2026-2027";

        var poster = Read(await GetPdfAsync(own, $"{basePath}/leraarposter.pdf"));
        Assert.Single(poster.Pages);
        Assert.InRange(poster.FirstPageWidth, 838, 845);
        Assert.Contains("Onze afspraken", poster.Text);
        Assert.Contains("planmatig", poster.Text);

        var finances = Read(await GetPdfAsync(own, $"{basePath}/financien.pdf"));
        Assert.Contains("20.000", finances.Text);
        Assert.Contains("12.000", finances.Text);
        Assert.Contains("Meer leerlingen bleven op school.", finances.Text);
        Assert.True(finances.IsTagged);

        var agreements = Read(await GetPdfAsync(own, $"{basePath}/afspraken.pdf"));
        Assert.Contains("2 in ontwikkeling", agreements.Text);
        Assert.Contains("4 sterk en geborgd", agreements.Text);

        var scan = await own.GetHtmlAsync($"{basePath}/scanrapport");
        var heatmap = scan.QuerySelector("[data-testid='heatmap']")!;
        Assert.Contains("Taal en lezen", heatmap.TextContent);
        Assert.Contains("2 (3)", heatmap.TextContent);
        Assert.NotNull(scan.QuerySelector("[data-testid='chart'] svg title"));
        Assert.NotNull(scan.QuerySelector("[data-testid='chart'] table caption"));
    }

    [Fact]
    public async Task ParentReport_IsPublicOnlyOncePublished()
    {
        var concept = await CompleteSchoolAsync();
        var anonymous = Factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/sop/{concept.Code}/ouderrapport.pdf")).StatusCode);
        var adopted = await AdoptedSchoolAsync();
        var page = await anonymous.GetHtmlAsync($"/sop/{adopted.Code}/ouderrapport");
        Assert.NotNull(page.QuerySelector("[data-document='ouderrapport']"));
    }

    [Fact]
    public async Task ComparisonReport_IsForTheBoardAndThePartnership()
    {
        var school = await AdoptedSchoolAsync();
        var url = $"/bestuur/{World.BoardA.Id}/vergelijkingsrapport/2026-2027";
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var page = await board.GetHtmlAsync(url);
        var rows = page.QuerySelectorAll("[data-testid='comparison-row']").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Obs Aalscholver"));
        Assert.DoesNotContain(rows, r => r.Contains("Cbs Citroenvlinder"));
        Assert.Contains(rows, r => r.Contains("Testschool"));
        var pdf = Read(await GetPdfAsync(await Factory.LoggedInClientAsync(World.Admin), url + ".pdf"));
        Assert.Contains("Vergelijkingsrapport", pdf.Text);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.LoggedInClientAsync(school.Ib)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/bestuur/{World.BoardB.Id}/vergelijkingsrapport/2026-2027")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync("/bestuur/999999/vergelijkingsrapport/2026-2027")).StatusCode);
    }

    [Fact]
    public async Task BulkZip_HoldsOnePublishedSopPerChosenSchool_OfSchoolsTheUserMaySee()
    {
        var first = await AdoptedSchoolAsync();
        var second = await AdoptedSchoolAsync();
        var notAdopted = await CompleteSchoolAsync();
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var form = await board.GetHtmlAsync("/documenten/bulk");
        Assert.DoesNotContain(World.SchoolB1Code, form.TestIds("bulk-school", "value"));

        var token = await board.AntiforgeryTokenAsync("/documenten/bulk");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Input.Jaar", "2026-2027"), new("Input.Document", "sop"),
            new("Input.Scholen", first.Code), new("Input.Scholen", second.Code), new("Input.Scholen", notAdopted.Code),
            new("Input.Scholen", World.SchoolB1Code),
        };
        using var zip = await Factory.BulkZipAsync(board, fields);
        var pdfs = zip.Entries.Where(e => e.Name.EndsWith(".pdf", StringComparison.Ordinal)).Select(e => e.Name).Order().ToList();
        Assert.Equal(2, pdfs.Count);
        // Named "<code>-<name>-SOP-<year>.pdf", e.g. T00012-Testschool-12-SOP-2026-2027.pdf.
        Assert.Equal(new[] { first, second }.Select(s => $"{s.Code}-{s.Name.Replace(' ', '-')}-SOP-2026-2027.pdf").Order(), pdfs);
        var missing = zip.GetEntry("ontbreekt.txt");
        Assert.NotNull(missing);
        using (var reader = new StreamReader(missing.Open()))
        {
            var text = await reader.ReadToEndAsync();
            Assert.Contains(notAdopted.Code, text);
            Assert.DoesNotContain(World.SchoolB1Code, text);
        }

        // Nothing chosen: a Dutch message, the choices kept.
        var empty = await board.PostAsync("/documenten/bulk", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Jaar", "2026-2027"), new("Input.Document", "scanrapport"),
        ]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var page = await empty.HtmlAsync();
        Assert.Contains("Kies ten minste één school.", page.QuerySelector("[data-testid='error-summary']")?.TextContent);
        Assert.NotNull(page.QuerySelector("#document-scanrapport[checked]"));

        // School users have no bulk download.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.LoggedInClientAsync(first.Ib)).GetAsync("/documenten/bulk")).StatusCode);
    }

    /// <summary>The board's dashboard offers the SOPs (or a report) of all its schools as one ZIP, posting the fields its form holds.</summary>
    [Fact]
    public async Task BoardDashboard_DownloadsTheSopsOfAllItsSchools_AsOneZip()
    {
        var school = await AdoptedSchoolAsync();
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var dashboard = await board.GetHtmlAsync($"/bestuur/{World.BoardA.Id}/dashboard?jaar=2026-2027");
        var form = dashboard.QuerySelector("form[data-testid='board-downloads']");
        Assert.NotNull(form);
        Assert.Equal("/documenten/bulk", form.GetAttribute("action"));
        var codes = form.QuerySelectorAll("input[name='Input.Scholen']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Contains(school.Code, codes);
        Assert.Contains(World.SchoolA1.Code, codes);
        Assert.DoesNotContain(World.SchoolB1.Code, codes);
        Assert.Equal("sop", form.QuerySelector("input[name='Input.Document'][checked]")?.GetAttribute("value"));
        Assert.Contains($"/bestuur/{World.BoardA.Id}/vergelijkingsrapport/2026-2027", dashboard.TestIds("comparison-report", "href"));

        var fields = form.QuerySelectorAll("input[type='hidden']").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        fields.Add(new("Input.Document", "sop"));
        using var zip = await Factory.BulkZipAsync(board, fields);
        Assert.Contains(zip.Entries, e => e.Name.StartsWith(school.Code, StringComparison.Ordinal) && e.Name.EndsWith("-SOP-2026-2027.pdf", StringComparison.Ordinal));
        var missing = zip.GetEntry("ontbreekt.txt");
        Assert.NotNull(missing);
        using var reader = new StreamReader(missing.Open());
        Assert.Contains(World.SchoolA1.Code, await reader.ReadToEndAsync());
    }
}
