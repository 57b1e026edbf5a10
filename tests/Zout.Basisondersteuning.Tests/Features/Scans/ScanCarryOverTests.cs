using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

[Collection(Portals.Scans)]
public sealed class ScanCarryOverTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    /// <summary>A school of its own per test, in board A, with an IB-er and a directeur.</summary>
    private Task<TestSchool> NewSchoolAsync() => Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff());

    /// <summary>A school whose scan of last year is adopted, with an answer the framework no longer has.</summary>
    private Task<TestSchool> SchoolWithLastYearsScanAsync() =>
        Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff().WithAdoptedScan(2025, scan => scan.Adopted(new DateOnly(2026, 6, 20))
            .Level("taal-lezen", "expertise", 3, text: "Twee leerkrachten opgeleid")
            .Level("taal-lezen", "aanbod", 4)
            .Level("oud-domein", "expertise", 2, text: "Bestaat niet meer in het kader")
            .Offer("lift")
            .Question("visie", "Elk kind hoort erbij")));

    [Fact]
    public async Task NewScan_StartsWithLastAdoptedAnswers_WhereTheFrameworkStillHasTheItem()
    {
        var school = await SchoolWithLastYearsScanAsync();
        var lastYearId = await Factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id && s.SchoolYear.StartYear == 2025).Select(s => s.Id).SingleAsync());
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await client.GetHtmlAsync(school.Scan());

        var scan = await Factory.WithDbAsync(db => db.Scans.Include(s => s.Answers).AsNoTracking().SingleAsync(s => s.SchoolId == school.Id && s.SchoolYear.StartYear == 2026));
        Assert.Equal(lastYearId, scan.CarriedOverFromScanId);
        Assert.Equal(["d:taal-lezen:aanbod", "d:taal-lezen:expertise", "o:lift", "q:visie"], scan.Answers.Select(a => a.ItemKey).Order());
        Assert.All(scan.Answers, a => Assert.Equal(AnswerOrigin.CarriedOver, a.Origin));

        var section = await client.GetHtmlAsync(school.Section("domein-taal-lezen"));
        Assert.NotNull(section.QuerySelector("[data-testid='confirm-unchanged']"));
        Assert.Contains("Overgenomen van vorig jaar", section.QuerySelector("[data-key='d:taal-lezen:expertise'] [data-testid='origin']")?.TextContent);
        var (_, index, _) = await ReadSectionAsync(client, school.Section("domein-taal-lezen"));
        Assert.NotNull(section.QuerySelector($"#Input_Items_{index["d:taal-lezen:expertise"]}__Level_3[checked]"));

        var overview = await client.GetHtmlAsync(school.Scan());
        var row = overview.QuerySelector("[data-section='domein-taal-lezen']")!;
        Assert.Equal("false", row.GetAttribute("data-complete"));
        Assert.Contains("Overgenomen van vorig jaar", row.TextContent);
    }

    [Fact]
    public async Task ConfirmUnchanged_OneAction_CompletesTheSection_AndMarksEachItem()
    {
        var school = await SchoolWithLastYearsScanAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var (version, _, _) = await ReadSectionAsync(client, school.Section("domein-taal-lezen"));
        var response = await client.PostFormAsync(school.Section("domein-taal-lezen"), school.Section("domein-taal-lezen") + "/ongewijzigd",
            new Dictionary<string, string> { ["version"] = version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var answers = await Factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id && a.Scan.SchoolYear.StartYear == 2026).ToListAsync());
        Assert.All(answers.Where(a => a.ItemKey.StartsWith("d:taal-lezen:", StringComparison.Ordinal)), a => Assert.Equal(AnswerOrigin.ConfirmedUnchanged, a.Origin));
        Assert.All(answers.Where(a => !a.ItemKey.StartsWith("d:taal-lezen:", StringComparison.Ordinal)), a => Assert.Equal(AnswerOrigin.CarriedOver, a.Origin));

        var overview = await client.GetHtmlAsync(school.Scan());
        var row = overview.QuerySelector("[data-section='domein-taal-lezen']")!;
        Assert.Equal("true", row.GetAttribute("data-complete"));
        Assert.Contains("ongewijzigd bevestigd", row.TextContent);

        // With a stale version nothing is confirmed twice.
        var again = await client.PostFormAsync(school.Section("domein-taal-lezen"), school.Section("domein-taal-lezen") + "/ongewijzigd",
            new Dictionary<string, string> { ["version"] = version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("net opgeslagen", (await client.GetHtmlAsync(school.Section("domein-taal-lezen"))).QuerySelector("[data-testid='flash']")?.TextContent);
    }

    [Fact]
    public async Task ChangedAndUnchangedItems_AreRecorded_AndTheChangesPageListsWhatChanged()
    {
        var school = await SchoolWithLastYearsScanAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(client, school.Section("domein-taal-lezen"), new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 3, Text: "Twee leerkrachten opgeleid"), // as last year
            ["d:taal-lezen:aanbod"] = new(Level: 2, Text: "Methode vervangen"),            // changed
        });
        await SaveOkAsync(client, school.Section("domein-rekenen"), new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 3) });

        var answers = await Factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id && a.Scan.SchoolYear.StartYear == 2026).ToDictionaryAsync(a => a.ItemKey));
        Assert.Equal(AnswerOrigin.ConfirmedUnchanged, answers["d:taal-lezen:expertise"].Origin);
        Assert.Equal(AnswerOrigin.Changed, answers["d:taal-lezen:aanbod"].Origin);
        Assert.Equal(AnswerOrigin.New, answers["d:rekenen:expertise"].Origin);

        var page = await client.GetHtmlAsync(school.Scan() + "/wijzigingen");
        var changes = page.QuerySelectorAll("[data-testid='change']").Select(r => r.TextContent).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Contains("Taal en lezen – Aanbod", StringComparison.Ordinal) && c.Contains("niveau 4", StringComparison.Ordinal) && c.Contains("niveau 2", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("Rekenen – Expertise", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, c => c.Contains("Taal en lezen – Expertise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SchoolWithoutAdoptedScan_StartsEmpty()
    {
        var school = await NewSchoolAsync();
        var client = await Factory.LoggedInClientAsync(school.Ib);
        await client.GetHtmlAsync(school.Scan());
        var scan = await Factory.WithDbAsync(db => db.Scans.Include(s => s.Answers).AsNoTracking().SingleAsync(s => s.SchoolId == school.Id));
        Assert.Null(scan.CarriedOverFromScanId);
        Assert.Empty(scan.Answers);
        Assert.NotNull((await client.GetHtmlAsync(school.Scan() + "/wijzigingen")).QuerySelector("[data-testid='no-last-year']"));
        Assert.Null((await client.GetHtmlAsync(school.Section("domein-rekenen"))).QuerySelector("[data-testid='confirm-unchanged']"));
    }

    [Fact]
    public async Task BoardUserOpeningTheScan_DoesNotStartIt()
    {
        var school = await NewSchoolAsync();
        var board = await Factory.LoggedInClientAsync(World.BoardAUser);
        var page = await board.GetHtmlAsync(school.Scan());
        Assert.Equal("Niet begonnen", page.QuerySelector("[data-testid='scan-status']")?.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='submit-scan']"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Scans.CountAsync(s => s.SchoolId == school.Id)));
    }
}
