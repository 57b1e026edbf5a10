using System.Net;
using AngleSharp.Html.Dom;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

/// <summary>
/// A section whose data did not change is shown from memory, by the version of the school's content (ADR 075): its
/// answers are not read again. Every change of what it shows, by whichever user or form, shows at once; the access
/// decision and this user's own draft still come from every request.
/// </summary>
[Collection(Portals.Scans)]
public sealed class ScanSectionCacheTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public async Task UnchangedSection_IsShownWithoutReadingItsAnswers_AChangeByAnotherUserShowsAtOnce()
    {
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff()
            .WithAdoptedScan(2025, scan => scan.Level("taal-lezen", "expertise", 2)));
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var director = await Factory.LoggedInClientAsync(school.Director);
        var url = school.Section("domein-taal-lezen");
        // The first visit starts the scan from last year's answers; the second is the first of the started scan.
        Assert.Equal(HttpStatusCode.OK, (await ib.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ib.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync(url)).StatusCode);

        Factory.Sql.ResetCount();
        var kept = await director.GetHtmlAsync(url);
        var sql = Factory.Sql.Texts;
        foreach (var command in sql) _output.WriteLine(command.ReplaceLineEndings(" ")[..Math.Min(200, command.Length)]);
        Assert.DoesNotContain(sql, s => s.Contains("\"ScanAnswers\"", StringComparison.Ordinal) || s.Contains("\"ScanSections\"", StringComparison.Ordinal));
        Assert.True(sql.Count <= 2, $"An unchanged section asked {sql.Count} queries.");
        // What was carried over is shown as before, with last year's value.
        Assert.Equal("2", Checked(kept, "d:taal-lezen:expertise"));
        Assert.Contains("Vorig jaar", kept.QuerySelector("[data-key='d:taal-lezen:expertise']")!.TextContent);

        // Another user of the school saves: the director sees it on the next visit, with who saved it.
        await SaveOkAsync(ib, url, new Dictionary<string, ItemValues> { ["d:taal-lezen:expertise"] = new(Level: 4, Text: "Twee leesspecialisten.") });
        var changed = await director.GetHtmlAsync(url);
        Assert.Equal("4", Checked(changed, "d:taal-lezen:expertise"));
        Assert.Contains("Twee leesspecialisten.", changed.QuerySelector("[data-key='d:taal-lezen:expertise'] textarea")!.TextContent);
        Assert.Contains("Laatst opgeslagen", changed.QuerySelector("[data-testid='section-state']")!.TextContent);

        // A user of another school gets no section, kept or not.
        var other = await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task KeptSection_ShowsTheScansNewStatus_ReadOnlyAfterSubmitting()
    {
        var school = await CompleteSchoolAsync(Factory, World.BoardA);
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var url = school.Section("domein-rekenen");
        Assert.Null((await ib.GetHtmlAsync(url)).QuerySelector("[data-testid='section-form'] fieldset[disabled]"));
        Assert.NotNull((await ib.GetHtmlAsync(url)).QuerySelector("[data-testid='save-section']"));

        await SubmitAsync(Factory, ib, school);

        var submitted = await ib.GetHtmlAsync(url);
        Assert.NotNull(submitted.QuerySelector("[data-testid='section-form'] fieldset[disabled]"));
        Assert.Null(submitted.QuerySelector("[data-testid='save-section']"));
    }

    private static string? Checked(IHtmlDocument page, string key) =>
        page.QuerySelectorAll($"[data-key='{key}'] input[type='radio']").OfType<IHtmlInputElement>().SingleOrDefault(i => i.IsChecked)?.Value;
}
