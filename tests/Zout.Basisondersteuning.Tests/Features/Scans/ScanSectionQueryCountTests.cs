using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanForms;

namespace Zout.Basisondersteuning.Tests.Features.Scans;

/// <summary>
/// The page schools use most asks the database at most five questions to show a section and at most five before it
/// saves one (it asked fourteen: the user three times, the school three times, visibility twice, the scan twice).
/// </summary>
[Collection(Portals.Scans)]
public sealed class ScanSectionQueryCountTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public async Task SectionGetAndSave_AskAtMostFiveQueriesEach()
    {
        var school = await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff()
            .WithAdoptedScan(2025, scan => scan.Level("taal-lezen", "expertise", 2).Level("taal-lezen", "aanbod", 3)));
        var client = await Factory.LoggedInClientAsync(school.Ib);
        var section = school.Section("domein-taal-lezen");
        // The first visit starts this year's scan from last year's answers; the counts are of the visits after it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(section)).StatusCode);

        Factory.Sql.ResetCount();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(section)).StatusCode);
        var get = Factory.Sql.Texts;

        var (version, index, page) = await ReadSectionAsync(client, section);
        var fields = Fields(version, index, CompleteTaal);
        fields["__RequestVerificationToken"] = page.QuerySelector("[data-testid='section-form'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Factory.Sql.ResetCount();
        var response = await client.PostAsync(section, new FormUrlEncodedContent(fields));
        var save = Factory.Sql.Texts;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Log("GET", get);
        Log("POST", save);
        Assert.True(get.Count <= 5, $"The section page asked {get.Count} queries.");
        var readsBeforeWrite = save.TakeWhile(IsRead).Count();
        Assert.True(readsBeforeWrite <= 5, $"The save asked {readsBeforeWrite} queries before it wrote.");
        Assert.True(readsBeforeWrite < save.Count, "The save wrote nothing.");
    }

    private static bool IsRead(string sql) => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private void Log(string name, IReadOnlyList<string> commands)
    {
        _output.WriteLine($"{name}: {commands.Count} commands");
        foreach (var command in commands) _output.WriteLine("  " + command.ReplaceLineEndings(" ")[..Math.Min(160, command.Length)]);
    }
}
