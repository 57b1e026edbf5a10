using System.Text;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// The accessibility gate for the administration pages that need a record found on the page (edit forms), a form
/// sent with errors, or an uploaded file. The pages at fixed addresses are rows in <see cref="PageAccessibilityTests"/>.
/// </summary>
public sealed class AdministrationPageAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] StructureKinds = ["regios", "besturen", "scholen"];

    /// <summary>The first edit link of each list: a region, a board, a school, a user, an arrangement.</summary>
    [Fact]
    public Task EditPagesOfFoundRecords_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            var pages = new List<string>();
            await page.GotoAsync("/beheer/structuur");
            foreach (var kind in StructureKinds)
            {
                pages.Add(await FirstLinkAsync(page, $"main a[href^='/beheer/structuur/{kind}/']:not([href$='/nieuw'])"));
            }

            await page.GotoAsync("/beheer/gebruikers");
            pages.Add(await FirstLinkAsync(page, "main table a[href^='/beheer/gebruikers/']"));
            await page.GotoAsync($"/beheer/ondersteuning/{Demo.CurrentYear}");
            pages.Add(await FirstLinkAsync(page, "[data-testid=row-arrangementen] a"));

            var failures = new List<string>();
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                await Screenshots.SaveAsync(page, "beheerder" + path);
                failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => path + ": " + v));
            }

            Assert.True(failures.Count == 0, string.Join('\n', failures));
        }, user: Demo.Admin, bypassCsp: true);

    /// <summary>The create forms sent empty: the error summary and the fields with their messages. Nothing is saved.</summary>
    [Fact]
    public Task CreateFormsWithErrors_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            var forms = new (string Path, string Button)[]
            {
                ("/beheer/structuur/regios/nieuw", "Regio opslaan"),
                ("/beheer/structuur/besturen/nieuw", "Bestuur opslaan"),
                ("/beheer/structuur/scholen/nieuw", "School opslaan"),
                ("/beheer/gebruikers/uitnodigen", "Uitnodiging sturen"),
                ($"/beheer/ondersteuning/{Demo.CurrentYear}/arrangementen/nieuw", "Arrangement opslaan"),
            };
            var failures = new List<string>();
            foreach (var (path, button) in forms)
            {
                await page.GotoAsync(path);
                await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
                await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
                await Screenshots.SaveAsync(page, "beheerder-fouten" + path);
                failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => path + " (with errors): " + v));
            }

            Assert.True(failures.Count == 0, string.Join('\n', failures));
        }, user: Demo.Admin, bypassCsp: true);

    /// <summary>A DUO file is checked first: the preview shows what would change (nothing changes until confirmed).</summary>
    [Fact]
    public Task DuoImportPreview_AndRejectedFile_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            const string header = "PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM\r\n";
            var csv = header
                + "Utrecht;41234;12AB;12AB00;Obs De Regenboog (nieuwe naam);Laan van Vollenhove;12;3706AB;ZEIST\r\n"
                + "Utrecht;41234;99XY;99XY00;Obs Het Nieuwe Lokaal;Dorpsstraat;1;3700AA;ZEIST\r\n";
            await page.GotoAsync("/beheer/import");
            var form = page.GetByTestId("upload-vestigingen");
            await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "vestigingen.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await form.GetByRole(AriaRole.Button, new() { Name = "Bestand controleren" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import verwerken" })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "beheerder-import-voorbeeld");
            await Axe.AssertNoViolationsAsync(page);

            await page.GotoAsync("/beheer/import");
            form = page.GetByTestId("upload-leerlingen");
            await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "leerlingen.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("NAAM;PLAATS\r\nSchool;Dorp\r\n") });
            await form.GetByRole(AriaRole.Button, new() { Name = "Bestand controleren" }).ClickAsync();
            await Expect(page.GetByTestId("error-leerlingen")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Admin, bypassCsp: true);

    private static async Task<string> FirstLinkAsync(IPage page, string selector)
    {
        var href = await page.Locator(selector).First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), $"No link {selector} on {page.Url}");
        return href;
    }
}
