using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// The accessibility gate for the document pages that wait for the demo's publishing (the public SOP and parent
/// report, the version history) or need a found id (the board's comparison report). The document kinds of a school
/// are rows in <see cref="PageAccessibilityTests.DocumentPages"/>.
/// </summary>
public sealed class DocumentPageAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task PublishedSupportProfile_AndParentReport_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await Published.GotoWhenPublishedAsync(page, "/sop/" + Demo.OtherSchoolCode);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("De Ontdekking");
            await Screenshots.SaveAsync(page, "anoniem-sop-" + Demo.OtherSchoolCode);
            await Axe.AssertNoViolationsAsync(page);

            await Published.GotoWhenPublishedAsync(page, $"/sop/{Demo.OtherSchoolCode}/ouderrapport");
            await Expect(page.GetByTestId("pdf-link")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "anoniem-ouderrapport-" + Demo.OtherSchoolCode);
            await Axe.AssertNoViolationsAsync(page);
        }, bypassCsp: true);

    /// <summary>Once published, the documents page lists the versions (with their download links).</summary>
    [Fact]
    public Task DocumentsWithPublishedVersions_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await Published.GotoWhenPublishedAsync(page, "/sop/" + Demo.SchoolCode);
            await page.GotoAsync($"/school/{Demo.SchoolCode}/documenten?jaar={Demo.LastYear}");
            await Expect(page.GetByTestId("version-row").First).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Board, bypassCsp: true);

    /// <summary>The board's comparison report, opened from the bulk page, and the bulk form sent without schools.</summary>
    [Fact]
    public Task ComparisonReport_AndBulkFormWithErrors_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/documenten/bulk");
            foreach (var box in await page.GetByTestId("bulk-school").AllAsync()) await box.UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "ZIP laten maken" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GotoAsync("/documenten/bulk");
            await page.GetByTestId("comparison-link").First.ClickAsync();
            await Expect(page.GetByTestId("document-toolbar")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "bestuur-vergelijkingsrapport");
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Board, bypassCsp: true);

    /// <summary>A bulk download: the job's page while it is made (updated in place) and when the ZIP is ready.</summary>
    [Fact]
    public Task BulkJobPage_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/documenten/bulk");
            await page.GetByTestId("bulk-school").First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "ZIP laten maken" }).ClickAsync();
            await Expect(page.GetByTestId("bulk-job")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
            await Expect(page.GetByTestId("bulk-job")).ToHaveAttributeAsync("data-status", "Done");
            await Expect(page.GetByTestId("bulk-zip")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Board, bypassCsp: true);
}
