using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// The accessibility gate for the partnership's own content that needs a state: its forms sent with errors (nothing is
/// saved) and the public page of extra support filtered by region and form. The pages themselves are rows in
/// <see cref="PageAccessibilityTests"/>.
/// </summary>
public sealed class PartnershipContentAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task AdminFormsWithErrors_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            var failures = new List<string>();

            await page.GotoAsync("/beheer/samenwerkingsverband");
            await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("");
            await page.GetByLabel("E-mailadres").FillAsync("info-at-swv");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Screenshots.SaveAsync(page, "beheerder-fouten/beheer/samenwerkingsverband");
            failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => "samenwerkingsverband (with errors): " + v));

            await page.GotoAsync($"/beheer/ondersteuning/{Demo.CurrentYear}");
            await page.GetByLabel("Wat een schoolondersteuningsprofiel is").FillAsync("");
            await page.GetByLabel("Titel fase 2").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Teksten opslaan" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Screenshots.SaveAsync(page, $"beheerder-fouten/beheer/ondersteuning/{Demo.CurrentYear}/teksten");
            failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => "texts (with errors): " + v));

            // An arrangement with a wrong number of places: the durations' fieldset and the places field with their messages.
            await page.GotoAsync($"/beheer/ondersteuning/{Demo.CurrentYear}/arrangementen/nieuw");
            await page.GetByLabel("Plaatsen", new() { Exact = true }).FillAsync("veel");
            await page.GetByLabel("long (2 jaar)").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Arrangement opslaan" }).ClickAsync();
            await Expect(page.GetByTestId("error-Input_Places")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("long (2 jaar)")).ToBeCheckedAsync();
            failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => "arrangement (with errors): " + v));

            Assert.True(failures.Count == 0, string.Join('\n', failures));
        }, user: Demo.Admin, bypassCsp: true);

    [Fact]
    public Task InspectionFormWithErrors_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/school/{Demo.SchoolCode}/inspectie");
            await page.GetByLabel("Oordeel", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Goed" });
            await page.GetByLabel("Datum van het oordeel").FillAsync("");
            await page.GetByLabel("Webadres van het rapport").FillAsync("inspectie");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Expect(page.GetByTestId("error-Input_Date")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, $"ib-fouten/school/{Demo.SchoolCode}/inspectie");
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.School, bypassCsp: true);

    [Fact]
    public Task PublicSupportPage_FilteredByRegionAndForm_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/ondersteuning");
            await page.GetByLabel("Regio", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Regio Zeist" });
            await page.GetByLabel("Vorm", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Groepsarrangementen" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
            await Expect(page.GetByTestId("arrangement-count")).ToContainTextAsync("groepsarrangementen beschikbaar in Regio Zeist");
            Assert.Contains("regio=", page.Url, StringComparison.Ordinal);
            await Expect(page.GetByTestId("support-arrangement").First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "anoniem/ondersteuning-gefilterd");
            await Axe.AssertNoViolationsAsync(page);
        }, bypassCsp: true);
}
