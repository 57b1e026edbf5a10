using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Journeys;

/// <summary>The scan as its users click through it: fill in, save, submit, adopt.</summary>
public sealed class ScanJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>Only the content of the concept changes, so this runs on the shared portal.</summary>
    [Fact]
    public Task SchoolUser_FillsInADomainSection_AndTheOverviewShowsItComplete() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByTestId("scan-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Demo.ScanPath(Demo.SchoolCode)) + "$"));
            var progressBefore = await CompleteCountAsync(page);
            var row = page.Locator("[data-testid=section-row][data-complete=false][data-section^='domein-']").First;
            var slug = await row.GetAttributeAsync("data-section");
            Assert.NotNull(slug);
            await row.GetByRole(AriaRole.Link).ClickAsync();

            var explanation = "Getest in de browser " + Guid.NewGuid().ToString("N")[..8];
            var cells = page.GetByTestId("cell");
            var count = await cells.CountAsync();
            Assert.True(count > 0);
            for (var i = 0; i < count; i++)
            {
                var cell = cells.Nth(i);
                await cell.GetByRole(AriaRole.Radio, new() { Name = "3. Op orde" }).CheckAsync();
                await cell.GetByLabel("Streefniveau (niet verplicht)").SelectOptionAsync(new SelectOptionValue { Label = "Geen streefniveau" });
            }

            await cells.First.GetByRole(AriaRole.Textbox, new() { Name = "Toelichting" }).FillAsync(explanation);
            await page.GetByTestId("save-section").ClickAsync();

            await Expect(page.GetByTestId("flash")).ToContainTextAsync("is opgeslagen");
            await Expect(page.GetByTestId("section-state")).ToContainTextAsync("Compleet");
            await Expect(cells.First.GetByRole(AriaRole.Textbox, new() { Name = "Toelichting" })).ToHaveValueAsync(explanation);

            await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het overzicht" }).ClickAsync();
            await Expect(page.Locator($"[data-testid=section-row][data-section='{slug}']")).ToHaveAttributeAsync("data-complete", "true");
            Assert.Equal(progressBefore + 1, await CompleteCountAsync(page));
        }, user: Demo.School);

    /// <summary>14EF00 starts with last year's answers; confirming each section completes it, then it can be submitted.</summary>
    [Fact]
    public async Task SchoolUser_ConfirmsLastYearsAnswers_AndSubmits()
    {
        var portal = await Fixture.WorkflowPortalAsync();
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(Demo.ScanPath(Demo.OtherSchoolCode));
            await CompleteAllSectionsAsync(page);
            await page.GetByTestId("submit-scan").ClickAsync();
            await Expect(page.GetByTestId("flash")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("submit-scan")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("transitions")).ToContainTextAsync("ngediend");
        }, user: Demo.OtherSchool, portal: portal);
    }

    /// <summary>12AB00: the IB-er completes and submits the concept, the directeur adopts it with the MR's advice.</summary>
    [Fact]
    public async Task Director_AdoptsTheSubmittedScan()
    {
        var portal = await Fixture.WorkflowPortalAsync();
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(Demo.ScanPath(Demo.SchoolCode));
            await CompleteAllSectionsAsync(page);
            await page.GetByTestId("submit-scan").ClickAsync();
            await Expect(page.GetByTestId("submit-scan")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("adopt-link")).ToHaveCountAsync(0);
        }, user: Demo.School, portal: portal);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(Demo.ScanPath(Demo.SchoolCode));
            await page.GetByTestId("adopt-link").ClickAsync();
            await Axe.AssertNoViolationsAsync(page);
            var today = DateTime.Today;
            await page.GetByLabel("Datum van vaststelling").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel("Datum advies medezeggenschapsraad").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel("Advies medezeggenschapsraad", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByTestId("adopt").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Demo.ScanPath(Demo.SchoolCode)) + "$"));
            await Expect(page.GetByTestId("adoption")).ToContainTextAsync("Vastgesteld op");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByTestId("reopen-link").ClickAsync();
            await Expect(page.GetByTestId("reopen")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Director, portal: portal, bypassCsp: true);
    }

    private static async Task<int> CompleteCountAsync(IPage page)
    {
        var text = await page.GetByTestId("progress").InnerTextAsync();
        return int.Parse(Regex.Match(text, @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens every incomplete section from the overview and confirms last year's answers unchanged.</summary>
    private static async Task CompleteAllSectionsAsync(IPage page)
    {
        var overview = page.Url;
        var slugs = await page.Locator("[data-testid=section-row][data-complete=false]")
            .EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-section'))");
        Assert.NotEmpty(slugs);
        foreach (var slug in slugs)
        {
            await page.Locator($"[data-testid=section-row][data-section='{slug}']").GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ongewijzigd bevestigen" }).ClickAsync();
            await Expect(page.GetByTestId("section-state")).ToContainTextAsync("Compleet");
            await page.GotoAsync(overview);
        }

        await Expect(page.Locator("[data-testid=section-row][data-complete=false]")).ToHaveCountAsync(0);
    }
}
