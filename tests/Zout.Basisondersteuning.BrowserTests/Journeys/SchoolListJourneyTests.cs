using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Journeys;

public sealed class SchoolListJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task BoardUser_OpensItsSchoolList_AndASchoolOfItsOwn() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/overzicht/scholen$"));
            await Expect(page.Locator($"[data-testid=school-row][data-code='{Demo.SchoolCode}']")).ToHaveCountAsync(1);
            await Expect(page.Locator($"[data-testid=school-row][data-code='{Demo.OtherSchoolCode}']")).ToHaveCountAsync(0);

            await page.Locator($"[data-testid=school-row][data-code='{Demo.SchoolCode}']").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/school/{Demo.SchoolCode}$"));
            await Expect(page.GetByTestId("school-name")).ToContainTextAsync("De Regenboog");
        }, user: Demo.Board);

    [Fact]
    public Task AnonymousVisitor_OpensThePublicListAndASchool() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/scholen$"));
            var rows = page.GetByTestId("school-row");
            Assert.True(await rows.CountAsync() > 1);
            await page.GetByRole(AriaRole.Link, new() { Name = "Obs De Regenboog", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/scholen/{Demo.SchoolCode}$"));
            await Expect(page.GetByTestId("school-name")).ToHaveTextAsync("Obs De Regenboog");
        });

    /// <summary>
    /// The public school profile as a parent finds it: from the public school page to /sop/{code}, then its PDF.
    /// The demo publishes the SOPs in the background after starting, so the page is awaited with a deadline.
    /// </summary>
    [Fact]
    public Task AnonymousVisitor_OpensThePublishedSchoolProfile() =>
        InBrowserAsync(async page =>
        {
            await Published.GotoWhenPublishedAsync(page, "/sop/" + Demo.SchoolCode);
            await page.GotoAsync("/scholen/" + Demo.SchoolCode);
            await page.GetByRole(AriaRole.Link, new() { Name = "Schoolondersteuningsprofiel", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/sop/{Demo.SchoolCode}$"));

            await Expect(page.GetByTestId("document-title")).ToHaveTextAsync("Obs De Regenboog");
            await Expect(page.GetByTestId("document-toolbar")).ToContainTextAsync($"Vaste link: /sop/{Demo.SchoolCode}");
            await Expect(page.GetByTestId("general-data")).ToContainTextAsync(Demo.SchoolCode);
            await Expect(page.GetByTestId("sop-adoption")).ToContainTextAsync("Vaststelling");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("CONCEPT");
            await Axe.AssertNoViolationsAsync(page);

            var pdf = await Downloads.PdfFromLinkAsync(page, page.GetByTestId("pdf-link"));
            Assert.Equal($"/sop/{Demo.SchoolCode}.pdf", new Uri(pdf.Url).AbsolutePath);
            Assert.Contains("inline", pdf.ContentDisposition, StringComparison.Ordinal);
            Assert.Contains(Demo.SchoolCode, pdf.ContentDisposition, StringComparison.Ordinal);
        }, bypassCsp: true);
}
