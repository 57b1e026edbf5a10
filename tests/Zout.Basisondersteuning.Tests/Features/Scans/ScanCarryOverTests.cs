using System.Net;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanTestKit;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

public sealed class ScanCarryOverTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => SeedYearsAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> LastYearAsync(TestSchool school) => SeedAdoptedLastYearAsync(factory, school,
        ("d:taal-lezen:expertise", 3, "Twee leerkrachten opgeleid", false),
        ("d:taal-lezen:aanbod", 4, null, false),
        ("d:oud-domein:expertise", 2, "Bestaat niet meer in het kader", false),
        ("o:lift", null, null, true),
        ("q:visie", null, "Elk kind hoort erbij", false));

    [Fact]
    public async Task NewScan_StartsWithLastAdoptedAnswers_WhereTheFrameworkStillHasTheItem()
    {
        var school = await NewSchoolAsync(factory);
        var lastYearId = await LastYearAsync(school);
        var client = await factory.LoggedInClientAsync(school.Ib);
        await client.GetHtmlAsync(school.Scan());

        var scan = await factory.WithDbAsync(db => db.Scans.Include(s => s.Answers).AsNoTracking().SingleAsync(s => s.SchoolId == school.Id && s.SchoolYear.StartYear == 2026));
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
        var school = await NewSchoolAsync(factory);
        await LastYearAsync(school);
        var client = await factory.LoggedInClientAsync(school.Ib);
        var (version, _, _) = await ReadSectionAsync(client, school.Section("domein-taal-lezen"));
        var response = await client.PostFormAsync(school.Section("domein-taal-lezen"), school.Section("domein-taal-lezen") + "/ongewijzigd",
            new Dictionary<string, string> { ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var answers = await factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id && a.Scan.SchoolYear.StartYear == 2026).ToListAsync());
        Assert.All(answers.Where(a => a.ItemKey.StartsWith("d:taal-lezen:", StringComparison.Ordinal)), a => Assert.Equal(AnswerOrigin.ConfirmedUnchanged, a.Origin));
        Assert.All(answers.Where(a => !a.ItemKey.StartsWith("d:taal-lezen:", StringComparison.Ordinal)), a => Assert.Equal(AnswerOrigin.CarriedOver, a.Origin));

        var overview = await client.GetHtmlAsync(school.Scan());
        var row = overview.QuerySelector("[data-section='domein-taal-lezen']")!;
        Assert.Equal("true", row.GetAttribute("data-complete"));
        Assert.Contains("ongewijzigd bevestigd", row.TextContent);

        // With a stale version nothing is confirmed twice.
        var again = await client.PostFormAsync(school.Section("domein-taal-lezen"), school.Section("domein-taal-lezen") + "/ongewijzigd",
            new Dictionary<string, string> { ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("net opgeslagen", (await client.GetHtmlAsync(school.Section("domein-taal-lezen"))).QuerySelector("[data-testid='flash']")?.TextContent);
    }

    [Fact]
    public async Task ChangedAndUnchangedItems_AreRecorded_AndTheChangesPageListsWhatChanged()
    {
        var school = await NewSchoolAsync(factory);
        await LastYearAsync(school);
        var client = await factory.LoggedInClientAsync(school.Ib);
        await SaveOkAsync(client, school.Section("domein-taal-lezen"), new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 3, Text: "Twee leerkrachten opgeleid"), // as last year
            ["d:taal-lezen:aanbod"] = new(Level: 2, Text: "Methode vervangen"),            // changed
        });
        await SaveOkAsync(client, school.Section("domein-rekenen"), new Dictionary<string, ItemValues> { ["d:rekenen:expertise"] = new(Level: 3) });

        var answers = await factory.WithDbAsync(db => db.ScanAnswers.Where(a => a.Scan.SchoolId == school.Id && a.Scan.SchoolYear.StartYear == 2026).ToDictionaryAsync(a => a.ItemKey));
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
        var school = await NewSchoolAsync(factory);
        var client = await factory.LoggedInClientAsync(school.Ib);
        await client.GetHtmlAsync(school.Scan());
        var scan = await factory.WithDbAsync(db => db.Scans.Include(s => s.Answers).AsNoTracking().SingleAsync(s => s.SchoolId == school.Id));
        Assert.Null(scan.CarriedOverFromScanId);
        Assert.Empty(scan.Answers);
        Assert.NotNull((await client.GetHtmlAsync(school.Scan() + "/wijzigingen")).QuerySelector("[data-testid='no-last-year']"));
        Assert.Null((await client.GetHtmlAsync(school.Section("domein-rekenen"))).QuerySelector("[data-testid='confirm-unchanged']"));
    }

    [Fact]
    public async Task BoardUserOpeningTheScan_DoesNotStartIt()
    {
        var school = await NewSchoolAsync(factory);
        var board = await factory.LoggedInClientAsync(World.BoardAUser);
        var page = await board.GetHtmlAsync(school.Scan());
        Assert.Equal("Niet begonnen", page.QuerySelector("[data-testid='scan-status']")?.TextContent);
        Assert.Null(page.QuerySelector("[data-testid='submit-scan']"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Scans.CountAsync(s => s.SchoolId == school.Id)));
    }
}
