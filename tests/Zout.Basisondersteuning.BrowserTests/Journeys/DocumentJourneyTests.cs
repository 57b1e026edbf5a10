using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Journeys;

/// <summary>A school's documents as its users reach them: from the school page to the documents and their PDFs.</summary>
public sealed class DocumentJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>This year's scan is a concept: its SOP is a CONCEPT PDF. Last year's is adopted and published.</summary>
    [Fact]
    public Task SchoolUser_DownloadsTheSopPdf_FromTheDocumentsPage() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByTestId("documents-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/school/{Demo.SchoolCode}/documenten$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Documenten van Obs De Regenboog");

            var sopRow = page.GetByTestId("documents").GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Schoolondersteuningsprofiel" }) });
            var draft = await Downloads.PdfFromLinkAsync(page, sopRow.GetByTestId("document-pdf"));
            Assert.Contains("attachment", draft.ContentDisposition, StringComparison.Ordinal);
            Assert.Matches($"^{Demo.SchoolCode}-.*-SOP-CONCEPT-{Demo.CurrentYear}\\.pdf$", draft.SuggestedFilename);

            // Last year: adopted; the SOP as a web page, then its PDF from the page's button.
            await page.GetByLabel("Schooljaar").SelectOptionAsync(Demo.LastYear);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Documenten " + Demo.LastYear })).ToBeVisibleAsync();
            await sopRow.GetByTestId("document-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/documenten/{Demo.LastYear}/sop$"));
            await Expect(page.GetByTestId("document-title")).ToHaveTextAsync("Obs De Regenboog");
            var adopted = await Downloads.PdfFromLinkAsync(page, page.GetByTestId("pdf-link"));
            Assert.Matches($"^{Demo.SchoolCode}-.*-SOP-{Demo.LastYear}\\.pdf$", adopted.SuggestedFilename);

            // The published version (the demo publishes in the background after the start).
            await Published.GotoWhenPublishedAsync(page, "/sop/" + Demo.SchoolCode);
            await page.GotoAsync($"/school/{Demo.SchoolCode}/documenten?jaar={Demo.LastYear}");
            var version = page.GetByTestId("version-row").Filter(new() { HasText = "Schoolondersteuningsprofiel" }).First;
            var published = await Downloads.PdfFromLinkAsync(page, version.GetByRole(AriaRole.Link));
            Assert.Matches($"^{Demo.SchoolCode}-.*-SOP-versie-\\d+-{Demo.LastYear}\\.pdf$", published.SuggestedFilename);
        }, user: Demo.School);
}
