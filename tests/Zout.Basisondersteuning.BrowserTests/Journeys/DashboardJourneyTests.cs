using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Journeys;

/// <summary>The dashboards and the expertise finder as their users click through them. Nothing changes: the shared portal.</summary>
public sealed class DashboardJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task BoardUser_OpensItsDashboardFromTheNavigation_AndDrillsIntoADomainAndASchool() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/bestuur/\d+/dashboard$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dashboard");
            await Expect(page.GetByTestId("status-summary")).ToContainTextAsync("scholen:");
            // Only the board's own schools: 12AB00 is one, 14EF00 (another board) is not.
            await Expect(page.GetByTestId("table-heatmap")).ToContainTextAsync("De Regenboog");
            await Expect(page.GetByTestId("table-heatmap")).Not.ToContainTextAsync("De Ontdekking");

            await page.GetByTestId("drill-down").GetByRole(AriaRole.Link, new() { Name = "Taal en lezen (inclusief dyslexie)" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("domein=taal-lezen"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scholen per aspect van Taal en lezen (inclusief dyslexie)" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("drill-down").Locator("[aria-current]")).ToHaveTextAsync("Taal en lezen (inclusief dyslexie)");
            var headers = await page.GetByTestId("table-heatmap").Locator("thead th").AllInnerTextsAsync();
            Assert.Contains("Expertise", headers);
            Assert.Contains("Borging", headers);

            await page.GetByTestId("table-heatmap").GetByRole(AriaRole.Link, new() { Name = "Obs De Regenboog", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/school/{Demo.SchoolCode}/dashboard"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("De Regenboog");
        }, user: Demo.Board);

    [Fact]
    public Task PartnershipAdmin_FiltersTheDashboardByRegion_AndDownloadsATable() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/swv/dashboard$"));
            var allSchools = await SchoolCountAsync(page);

            var filters = page.GetByRole(AriaRole.Search, new() { Name = "Dashboard filteren" });
            await filters.GetByLabel("Regio").SelectOptionAsync(new SelectOptionValue { Label = Demo.Region });
            await filters.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"regio=\d+"));
            await Expect(page.GetByRole(AriaRole.Search).GetByLabel("Regio")).ToHaveValueAsync(new Regex(@"^\d+$"));
            var regionSchools = await SchoolCountAsync(page);
            Assert.InRange(regionSchools, 1, allSchools - 1);

            // The completion table: the region's schools that have not submitted, as CSV and as Excel.
            var rows = await page.GetByTestId("row-voltooiing").CountAsync();
            var csv = await Downloads.FromLinkAsync(page, page.GetByTestId("download-csv-voltooiing"));
            Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
            Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
            var lines = csv.Text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.StartsWith("School;Code;", lines[0], StringComparison.Ordinal);
            Assert.Equal(rows, lines.Length - 1);

            var xlsx = await Downloads.FromLinkAsync(page, page.GetByTestId("download-xlsx-heatmap"));
            Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
            Assert.True(xlsx.Bytes.Length > 1000 && xlsx.Bytes[0] == 'P' && xlsx.Bytes[1] == 'K', "The Excel file is not a zip (xlsx)");
        }, user: Demo.Admin);

    [Fact]
    public Task SchoolUser_FindsSchoolsThatOfferSomething_WithTheExpertiseFinder() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Expertisevinder" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/vinder$"));
            await Expect(page.GetByTestId("result-count")).ToHaveCountAsync(0);

            var search = page.GetByRole(AriaRole.Search, new() { Name = "Scholen zoeken" });
            await search.GetByLabel("Aanbod").SelectOptionAsync(new SelectOptionValue { Label = "Leesinterventie voor zwakke lezers" });
            await search.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("aanbod=leesinterventie"));
            await Expect(page.GetByTestId("result-count")).ToContainTextAsync("gevonden");
            var found = page.GetByTestId("row-scholen");
            var count = await found.CountAsync();
            Assert.True(count > 0, "No school offers a reading intervention in the demo data");
            Assert.StartsWith(count.ToString(CultureInfo.InvariantCulture), await page.GetByTestId("result-count").InnerTextAsync(), StringComparison.Ordinal);
            foreach (var text in await found.AllInnerTextsAsync()) Assert.Contains("Leesinterventie voor zwakke lezers", text, StringComparison.Ordinal);

            // Narrowed to one region: fewer (or as many) schools, all of that region.
            await search.GetByLabel("Regio").SelectOptionAsync(new SelectOptionValue { Label = Demo.Region });
            await search.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"regio=\d+"));
            Assert.InRange(await found.CountAsync(), 0, count);
            foreach (var text in await found.AllInnerTextsAsync()) Assert.Contains(Demo.Region, text, StringComparison.Ordinal);

            // The school found is opened from the result: its public page (a school user may not open another school's own pages).
            await search.GetByLabel("Regio").SelectOptionAsync(new SelectOptionValue { Index = 0 });
            await search.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            var first = found.First.GetByRole(AriaRole.Link).First;
            var name = await first.InnerTextAsync();
            var href = await first.GetAttributeAsync("href");
            var response = await page.RunAndWaitForResponseAsync(() => first.ClickAsync(), r => r.Url.EndsWith(href!, StringComparison.Ordinal));
            Assert.Equal(200, response.Status);
            await Expect(page).ToHaveURLAsync(new Regex(@"/scholen/[0-9A-Z]{6}$"));
            await Expect(page.GetByTestId("school-name")).ToHaveTextAsync(name);
        }, user: Demo.School);

    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });

    private static async Task<int> SchoolCountAsync(IPage page)
    {
        var text = await page.GetByTestId("status-summary").InnerTextAsync();
        return int.Parse(Regex.Match(text, @"^\d+").Value, CultureInfo.InvariantCulture);
    }
}
