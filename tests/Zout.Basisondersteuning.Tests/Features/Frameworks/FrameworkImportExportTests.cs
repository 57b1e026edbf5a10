using System.Globalization;
using System.Net;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Tests.Features.Frameworks;

[Collection(Portals.Administration)]
public sealed class FrameworkImportExportTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private Task<HttpClient> AdminAsync() => Factory.LoggedInClientAsync(World.Admin);

    private static async Task<IReadOnlyList<(string Place, string Problem)>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Contains("niet geïmporteerd", page.QuerySelector("[data-testid='error-File']")!.TextContent);
        return page.QuerySelectorAll("[data-testid='import-problem']")
            .Select(row => (row.GetAttribute("data-place")!, row.QuerySelector("td")!.TextContent.Trim()))
            .ToList();
    }

    [Fact]
    public async Task Get_Export_IsTheStoredDocumentAsAJsonFileNamedAfterTheYear()
    {
        await Data.CreateYearAsync(2050, y => y.FrameworkStillEditable().WithFramework(DefaultFramework.Create()));
        var client = await AdminAsync();
        var response = await client.GetAsync("/beheer/schooljaren/2050-2051/kader.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kader-2050-2051.json", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(DefaultFramework.Create().ToJson(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_ImportOfAnExport_GivesTheSameDocument()
    {
        await Data.CreateYearAsync(2051, y => y.FrameworkStillEditable().WithFramework(DefaultFramework.Create()));
        await Data.CreateYearAsync(2052, y => y.FrameworkStillEditable());
        var (_, versionBefore) = await Factory.StoredAsync(2052);
        var client = await AdminAsync();
        var exported = await client.ExportAsync("2051-2052");

        var response = await client.ImportAsync("2052-2053", exported);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/beheer/schooljaren/2052-2053/kader", response.Location());

        Assert.Equal(exported, await client.ExportAsync("2052-2053"));
        Assert.Equal(versionBefore + 1, (await Factory.StoredAsync(2052)).Version);
        var page = await client.GetHtmlAsync("/beheer/schooljaren/2052-2053/kader");
        Assert.Contains("vervangen door het geïmporteerde bestand", page.QuerySelector("[data-testid='flash']")!.TextContent);
        Assert.Equal(DefaultFramework.Create().Domains.Count, page.QuerySelectorAll("[data-testid='domain-row']").Length);
        Assert.Equal((versionBefore + 1).ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid='framework-version']")!.TextContent);

        // And back again: exporting what was imported and importing it once more changes nothing but the version.
        response = await client.ImportAsync("2052-2053", await client.ExportAsync("2052-2053"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(exported, await client.ExportAsync("2052-2053"));
    }

    [Fact]
    public async Task Post_ImportInvalidJson_IsRefusedWithLineAndPositionAndNothingStored()
    {
        await Data.CreateYearAsync(2053, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2053);
        var client = await AdminAsync();

        var response = await client.ImportAsync("2053-2054", "{\n  \"name\": \"Kader\",\n  \"levels\": [ oeps ]\n}\n");
        var (place, problem) = Assert.Single(await ProblemsAsync(response));
        Assert.Equal("levels[0]", place);
        Assert.Contains("regel 3, positie 15", problem);
        Assert.Equal(before, await Factory.StoredAsync(2053));
    }

    [Fact]
    public async Task Post_ImportWithDuplicateKeys_IsRefusedWithPlaceAndProblemAndNothingStored()
    {
        await Data.CreateYearAsync(2054, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2054);
        var framework = TestData.SmallFramework();
        framework.Domains[1].Key = "taal-lezen";
        framework.OfferingGroups[1].Items[0].Key = "gedragsspecialist";
        var client = await AdminAsync();

        var problems = await ProblemsAsync(await client.ImportAsync("2054-2055", framework.ToJson()));
        Assert.Equal(
            [
                ("domains[1].key", "De sleutel 'taal-lezen' komt twee keer voor (ook bij domains[0])."),
                ("offeringGroups[1].items[0].key", "De sleutel 'gedragsspecialist' komt twee keer voor in het aanbod (ook bij offeringGroups[0].items[1])."),
            ],
            problems);
        Assert.Equal(before, await Factory.StoredAsync(2054));
    }

    [Fact]
    public async Task Post_ImportWithMisspeltField_IsRefused()
    {
        await Data.CreateYearAsync(2055, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2055);
        var json = TestData.SmallFramework().ToJson().Replace("\"showScoreInSop\"", "\"showScoreInSap\"", StringComparison.Ordinal);
        var client = await AdminAsync();

        var (place, problem) = Assert.Single(await ProblemsAsync(await client.ImportAsync("2055-2056", json)));
        Assert.Equal("agreements[0].showScoreInSap", place);
        Assert.Contains("onbekend veld", problem);
        Assert.Equal(before, await Factory.StoredAsync(2055));
    }

    [Theory]
    [InlineData("", "Het bestand is leeg.")]
    [InlineData("null", "Het bestand is niet geïmporteerd")]
    [InlineData("[]", "Het bestand is niet geïmporteerd")]
    public async Task Post_ImportEmptyOrNoObject_IsRefused(string json, string message)
    {
        await Data.CreateYearAsync(2056, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2056);
        var client = await AdminAsync();

        var response = await client.ImportAsync("2056-2057", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, (await response.HtmlAsync()).QuerySelector("[data-testid='error-File']")!.TextContent.Trim());
        Assert.Equal(before, await Factory.StoredAsync(2056));
    }

    [Fact]
    public async Task Post_ImportTooLargeFile_IsRefused()
    {
        await Data.CreateYearAsync(2057, y => y.FrameworkStillEditable());
        var before = await Factory.StoredAsync(2057);
        var framework = TestData.SmallFramework();
        framework.Domains[0].Description = new string('x', 1_100_000);
        var client = await AdminAsync();

        var response = await client.ImportAsync("2057-2058", framework.ToJson());
        Assert.Equal("Het bestand is te groot: maximaal 1 MB.", (await response.HtmlAsync()).QuerySelector("[data-testid='error-File'] p")!.TextContent);
        Assert.Equal(before, await Factory.StoredAsync(2057));
    }

    [Fact]
    public async Task Import_WhenTheScanIsOpen_IsRefused()
    {
        await Data.CreateYearAsync(2058, y => y.ScanOpenOnTheTestDate());
        var before = await Factory.StoredAsync(2058);
        var client = await AdminAsync();

        var page = await client.GetHtmlAsync("/beheer/schooljaren/2058-2059/kader/importeren");
        Assert.Contains("geopend op 1 november 2026", page.QuerySelector("[data-testid='not-editable']")!.TextContent);
        Assert.Null(page.QuerySelector("input[type='file']"));

        // A form loaded before the scan opened is refused too.
        var token = await client.AntiforgeryTokenAsync("/beheer/schooljaren");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(DefaultFramework.Create().ToJson()), "File", "kader.json" },
        };
        var response = await client.PostAsync("/beheer/schooljaren/2058-2059/kader/importeren", content);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("kan niet meer worden gewijzigd of geïmporteerd", (await response.HtmlAsync()).QuerySelector("[data-testid='not-editable']")!.TextContent);
        Assert.Equal(before, await Factory.StoredAsync(2058));

        var overview = await client.GetHtmlAsync("/beheer/schooljaren/2058-2059/kader");
        Assert.Null(overview.QuerySelector("[data-testid='import-link']"));
        Assert.NotNull(overview.QuerySelector("[data-testid='export-link']"));
    }

    [Fact]
    public async Task Post_ImportTheDocumentedExampleWith25Agreements_Succeeds()
    {
        await Data.CreateYearAsync(2059, y => y.FrameworkStillEditable());
        var json = await File.ReadAllTextAsync(TestFiles.Repository("docs/examples/kader-25-afspraken.json"));
        var client = await AdminAsync();

        var response = await client.ImportAsync("2059-2060", json);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Factory.StoredDefinitionAsync(2059);
        Assert.Equal(25, stored.Agreements.Count);
        Assert.Equal(Enumerable.Range(1, 25), stored.Agreements.Select(a => a.Number));
        Assert.Empty(FrameworkRules.Check(stored));
        var page = await client.GetHtmlAsync("/beheer/schooljaren/2059-2060/kader");
        Assert.Equal(25, page.QuerySelectorAll("[data-testid='agreement-row']").Length);
    }
}
