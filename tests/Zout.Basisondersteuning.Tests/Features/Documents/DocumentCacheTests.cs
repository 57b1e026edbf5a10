using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Features.Support;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Features.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// A document whose data did not change is served from the cache (no new render, no read of its data); any change to
/// what it shows renders it again, whoever makes it through whichever form; the access decision still comes first.
/// Needs Chromium.
/// </summary>
[Collection(Portals.Documents)]
public sealed class DocumentCacheTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private readonly ITestOutputHelper _output = output;

    private ChromiumPdfRenderer Chromium => Factory.Services.GetRequiredService<ChromiumPdfRenderer>();

    [Fact]
    public async Task UnchangedDocument_IsServedWithoutReadingItsData_EveryChangeOfWhatItShows_RendersItAgain()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var url = $"/school/{school.Code}/documenten/2026-2027/sop.pdf";

        var rendersBefore = Chromium.Renders;
        var first = await PdfAsync(board, url);
        Assert.Equal(rendersBefore + 1, Chromium.Renders);

        // The same document for another user who may see it, and again: no render, the same bytes, and not even its
        // data is read (ADR 074).
        var second = await PdfAsync(ib, url);
        Factory.Sql.ResetCount();
        var third = await PdfAsync(board, url);
        Assert.DoesNotContain(Factory.Sql.Texts, sql => sql.Contains("\"ScanAnswers\"", StringComparison.Ordinal));
        Assert.Equal(rendersBefore + 1, Chromium.Renders);
        Assert.Equal(first, second);
        Assert.Equal(first, third);

        // Cached or not, a user who may not see the school gets no document.
        var other = await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);

        // What the school wrote (a text only: no level, tick or number, so no figure of the dashboards changes).
        await ScanForms.SaveOkAsync(ib, school.Section("open-vragen"), new Dictionary<string, ItemValues>
        {
            ["q:visie"] = new(Text: "Elk kind hoort erbij, ook wie een lift nodig heeft."),
            ["q:grenzen"] = new(Text: "Geen intensieve medische zorg."),
        });
        Assert.Contains("ook wie een lift nodig heeft", await TextAsync(board, url));
        Assert.Equal(rendersBefore + 2, Chromium.Renders);

        // The offering the SOP lists: a tick and a number.
        await ScanForms.SaveOkAsync(ib, school.Section("aanbod"), new Dictionary<string, ItemValues>
        {
            ["o:dyslexiespecialist"] = new(Checked: true, Number: "7"),
            ["o:gedragsspecialist"] = new(Checked: true),
            ["o:lift"] = new(Checked: true),
        });
        var offering = await TextAsync(board, url);
        Assert.Contains("Gedragsspecialist", offering);
        Assert.Contains("7 dagdelen", offering);
        Assert.Equal(rendersBefore + 3, Chromium.Renders);

        // A new arrangement of the partnership, which the SOP lists.
        var created = await admin.PostArrangementAsync("2026-2027", SupportPages.Arrangement("Rots en Water-training"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Rots en Water-training", await TextAsync(board, url));
        Assert.Equal(rendersBefore + 4, Chromium.Renders);

        // A new name of the school (in the header and the title), through the admin's form.
        var renamed = await admin.SubmitAsync(await admin.GetHtmlAsync($"/beheer/structuur/scholen/{school.Id}"), "[data-testid='school-form']",
            new Dictionary<string, string> { ["Input.Name"] = "Hernoemde school" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Hernoemde school", await TextAsync(board, url));
        Assert.Equal(rendersBefore + 5, Chromium.Renders);

        // The arrangement removed again.
        var arrangement = await Factory.WithDbAsync(db => db.SupportArrangements.Where(a => a.Name == "Rots en Water-training").Select(a => a.Id).SingleAsync());
        var removed = await admin.PostFormAsync(SupportPages.YearPage("2026-2027"), $"{SupportPages.YearPage("2026-2027")}/arrangementen/{arrangement}/verwijderen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("Rots en Water-training", await TextAsync(board, url));
        Assert.Equal(rendersBefore + 6, Chromium.Renders);

        // Unchanged again: from the cache.
        await PdfAsync(ib, url);
        Assert.Equal(rendersBefore + 6, Chromium.Renders);
    }

    [Fact]
    public async Task BoardComparison_UnchangedIsServedWithoutReadingItsData_AChangeOfOneOfItsSchoolsRendersItAgain()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var elsewhere = await ScanForms.CompleteSchoolAsync(Factory, World.BoardB);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var url = $"/bestuur/{World.BoardA.Id}/vergelijkingsrapport/2026-2027.pdf";

        var rendersBefore = Chromium.Renders;
        var first = await PdfAsync(board, url);
        Assert.Equal(rendersBefore + 1, Chromium.Renders);
        Factory.Sql.ResetCount();
        var second = await PdfAsync(board, url);
        Assert.DoesNotContain(Factory.Sql.Texts, sql => sql.Contains("\"ScanAnswers\"", StringComparison.Ordinal));
        Assert.Equal(first, second);
        Assert.Equal(rendersBefore + 1, Chromium.Renders);

        // A school of another board changes: still the same report.
        await ScanForms.SaveOkAsync(await Factory.LoggedInClientAsync(elsewhere.Ib), elsewhere.Section("kengetallen"),
            new Dictionary<string, ItemValues> { ["k:arrangementen"] = new(Number: "5") });
        Assert.Equal(first, await PdfAsync(board, url));
        Assert.Equal(rendersBefore + 1, Chromium.Renders);

        // One of its own schools changes: made again.
        await ScanForms.SaveOkAsync(await Factory.LoggedInClientAsync(school.Ib), school.Section("kengetallen"),
            new Dictionary<string, ItemValues> { ["k:arrangementen"] = new(Number: "4") });
        await PdfAsync(board, url);
        Assert.Equal(rendersBefore + 2, Chromium.Renders);

        // A user of another board (here a school of it) gets no report, kept or not.
        var other = await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task DashboardHandouts_UnchangedAreServedAsKept_AChangeMakesThemAgain_TheVersionCoversEveryTableTheyRead()
    {
        // A new school: every hand-out below has a version no earlier test saw.
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var handouts = new (HttpClient Client, string Url)[]
        {
            (admin, "/swv/dashboard.pdf?jaar=2026-2027"),
            (board, $"/bestuur/{World.BoardA.Id}/dashboard.pdf?jaar=2026-2027"),
            (ib, $"/school/{school.Code}/dashboard.pdf?jaar=2026-2027"),
        };
        // The session's own lookups first (on a page without data), so what follows is what the hand-outs read.
        foreach (var (client, _) in handouts) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/wachtwoord-wijzigen")).StatusCode);

        var rendersBefore = Chromium.Renders;
        Factory.Sql.ResetCount();
        var first = new List<byte[]>();
        foreach (var (client, url) in handouts) first.Add(await PdfAsync(client, url));
        var tables = TablesRead();
        _output.WriteLine(string.Join(", ", tables));
        Assert.Equal(rendersBefore + handouts.Length, Chromium.Renders);
        Assert.All(tables.Where(t => t != "ChangeCounters"),
            table => Assert.True(KeptDocuments.HandoutTables.ContainsKey(table), $"The hand-outs read {table}, which no counter of their version follows (KeptDocuments.HandoutTables)."));

        // Unchanged: the same bytes, no render.
        for (var i = 0; i < handouts.Length; i++) Assert.Equal(first[i], await PdfAsync(handouts[i].Client, handouts[i].Url));
        Assert.Equal(rendersBefore + handouts.Length, Chromium.Renders);

        // The school changes a key figure, which its dashboard shows: its hand-out is made again and shows it. (A hand-out
        // whose printed HTML came out the same is not printed again: ADR 061.)
        await ScanForms.SaveOkAsync(ib, school.Section("kengetallen"), new Dictionary<string, ItemValues> { ["k:arrangementen"] = new(Number: "9") });
        var again = new List<byte[]>();
        foreach (var (client, url) in handouts) again.Add(await PdfAsync(client, url));
        Assert.NotEqual(first[2], again[2]);
        Assert.InRange(Chromium.Renders, rendersBefore + handouts.Length + 1, rendersBefore + 2 * handouts.Length);

        // The version is per user: a user of another board still gets no board hand-out.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.LoggedInClientAsync(World.SchoolB1User)).GetAsync(handouts[1].Url)).StatusCode);
    }

    [Fact]
    public async Task ASaveRaisesTheCounterOfItsOwnSchool_NotOfAnother()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var neighbour = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var before = await SchoolContentAsync(school.Id);
        var neighbourBefore = await SchoolContentAsync(neighbour.Id);
        Assert.True(before > 0, "Filling in the scan raised the school's counter.");

        await ScanForms.SaveOkAsync(ib, school.Section("kengetallen"), new Dictionary<string, ItemValues> { ["k:arrangementen"] = new(Number: "4") });
        var afterSave = await SchoolContentAsync(school.Id);
        Assert.True(afterSave > before, "A section save raises the school's counter.");

        // A development point, which the scan report prints.
        var form = await ib.GetHtmlAsync($"/school/{school.Code}/ontwikkelpunten/nieuw?jaar=2026-2027&domein=taal-lezen&aspect=aanbod");
        var response = await ib.SubmitAsync(form, "form[data-testid='development-point-form']", new Dictionary<string, string>
        {
            ["Input.Title"] = "Nieuwe leesmethode invoeren",
            ["Input.Deadline"] = "2027-03-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await SchoolContentAsync(school.Id) > afterSave, "A development point raises the school's counter.");

        Assert.Equal(neighbourBefore, await SchoolContentAsync(neighbour.Id));
    }

    [Fact]
    public async Task TheVersion_CoversEveryTableTheDocumentsAreMadeOf()
    {
        var school = await ScanForms.AdoptedSchoolAsync(Factory, World.BoardA);
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        // The session's own lookups first (the user, the school list), so what follows is what the documents read.
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/school/{school.Code}/documenten?jaar=2026-2027")).StatusCode);

        Factory.Sql.ResetCount();
        foreach (var document in DocumentCatalog.All) await PdfAsync(board, $"/school/{school.Code}/documenten/2026-2027/{document.Slug}.pdf");
        // The board's comparison is made of the same data of each of its schools.
        await PdfAsync(board, $"/bestuur/{World.BoardA.Id}/vergelijkingsrapport/2026-2027.pdf");
        var tables = TablesRead();

        _output.WriteLine(string.Join(", ", tables));
        Assert.Contains("ScanAnswers", tables);
        Assert.Contains("SupportArrangements", tables);
        // The counters are the version itself.
        Assert.All(tables.Where(t => t != "ChangeCounters"),
            table => Assert.True(KeptDocuments.Tables.ContainsKey(table), $"The documents read {table}, which no counter of their version follows (KeptDocuments.Tables)."));
    }

    /// <summary>The tables the SQL since the last reset read from.</summary>
    private List<string> TablesRead() => Factory.Sql.Texts
        .SelectMany(sql => System.Text.RegularExpressions.Regex.Matches(sql, "(?:FROM|JOIN)\\s+\"(\\w+)\"").Select(m => m.Groups[1].Value))
        .Distinct().Order().ToList();

    private Task<long> SchoolContentAsync(int schoolId) =>
        Factory.WithDbAsync(db => db.ChangeCounters.Where(c => c.Name == ChangeCounter.SchoolContent(schoolId)).Select(c => c.Value).SingleOrDefaultAsync());

    private static async Task<string> TextAsync(HttpClient client, string url) => string.Join(" ", Pdfs.Read(await PdfAsync(client, url)).Pages);

    [Fact]
    public void CacheKey_CoversEverythingThatIsPrinted_NotThePriority()
    {
        var request = new PdfRequest("<html><body>SOP</body></html>", "School", PaperSize.A4, "CONCEPT");
        var key = CachingPdfRenderer.Key(request);
        Assert.Equal(key, CachingPdfRenderer.Key(request with { Background = true }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { Html = "<html><body>SOP.</body></html>" }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { HeaderText = "Andere school" }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { FooterText = null }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { Paper = PaperSize.A3 }));
        Assert.NotEqual(key, CachingPdfRenderer.Key(request with { FitOnOnePage = true }));
        // The parts are separated: moving text from the header into the footer is another document.
        Assert.NotEqual(CachingPdfRenderer.Key(request with { HeaderText = "ab", FooterText = "c" }), CachingPdfRenderer.Key(request with { HeaderText = "a", FooterText = "bc" }));
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
