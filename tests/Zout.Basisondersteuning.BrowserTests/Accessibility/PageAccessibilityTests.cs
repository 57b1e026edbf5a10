using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// The accessibility gate: axe-core with the WCAG 2.0/2.1 A and AA rules finds nothing on any page type.
/// Add a row here for every new page type.
/// </summary>
public sealed class PageAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string Scan = Demo.ScanPath(Demo.SchoolCode);

    public static TheoryData<string, string?, int> Pages => new()
    {
        // path, user (null: anonymous), expected HTTP status
        { "/scholen", null, 200 },
        { "/scholen/" + Demo.SchoolCode, null, 200 },
        { "/account/inloggen", null, 200 },
        { "/account/wachtwoord-vergeten", null, 200 },
        { "/account/wachtwoord-herstellen?email=ib%40demo.example&code=abc", null, 200 },
        { "/deze-pagina-bestaat-niet", null, 404 },
        { "/school/" + Demo.SchoolCode, Demo.School, 200 },
        { Scan, Demo.School, 200 },
        { Scan + "/sectie/domein-basiskwaliteit", Demo.School, 200 },
        { Scan + "/sectie/verandercapaciteit", Demo.School, 200 },
        { Scan + "/sectie/afspraken", Demo.School, 200 },
        { Scan + "/sectie/aanbod", Demo.School, 200 },
        { Scan + "/sectie/open-vragen", Demo.School, 200 },
        { Scan + "/sectie/financien", Demo.School, 200 },
        { Scan + "/sectie/kengetallen", Demo.School, 200 },
        { Scan + "/wijzigingen", Demo.School, 200 },
        { Scan + "/historie", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/ontwikkelpunten", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/ontwikkelpunten/nieuw", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/ontwikkelpunten?jaar={Demo.LastYear}", Demo.School, 200 },
        // Last year's adopted scan: read-only.
        { Demo.ScanPath(Demo.SchoolCode).Replace(Demo.CurrentYear, Demo.LastYear, StringComparison.Ordinal), Demo.School, 200 },
        { Demo.ScanPath(Demo.SchoolCode).Replace(Demo.CurrentYear, Demo.LastYear, StringComparison.Ordinal) + "/sectie/aanbod", Demo.Board, 200 },
        { "/account/wachtwoord-wijzigen", Demo.School, 200 },
        { "/school/" + Demo.OtherSchoolCode, Demo.School, 403 },
        { Demo.ScanPath(Demo.OtherSchoolCode) + "/sectie/domein-basiskwaliteit", Demo.OtherSchool, 200 },
        { "/school/" + Demo.SchoolCode, Demo.Director, 200 },
        { Scan, Demo.Director, 200 },
        { "/overzicht/scholen", Demo.Board, 200 },
        { "/school/" + Demo.SchoolCode, Demo.Board, 200 },
        { Scan, Demo.Board, 200 },
        { Scan + "/sectie/domein-basiskwaliteit", Demo.Board, 200 },
        { "/overzicht/scholen", Demo.Consultant, 200 },
        { "/overzicht/scholen", Demo.RegionConsultant, 200 },
        { "/overzicht/scholen", Demo.Admin, 200 },
        { "/beheer/schooljaren", Demo.Admin, 200 },
        { $"/beheer/schooljaren/{Demo.CurrentYear}/scanperiode", Demo.Admin, 200 },
        { $"/beheer/schooljaren/{Demo.CurrentYear}/kader", Demo.Admin, 200 },
        { $"/beheer/schooljaren/{Demo.CurrentYear}/kader/importeren", Demo.Admin, 200 },
        // The current year's framework is in use: its editors explain why they are closed.
        { $"/beheer/schooljaren/{Demo.CurrentYear}/kader/algemeen", Demo.Admin, 200 },

        // Documents (Features/Documents): the list per school, every kind as a web page, the bulk download.
        { Documents(Demo.SchoolCode), Demo.School, 200 },
        { Documents(Demo.SchoolCode) + "?jaar=" + Demo.LastYear, Demo.School, 200 },
        { Documents(Demo.SchoolCode), Demo.Board, 200 },
        { Documents(Demo.SchoolCode), Demo.Consultant, 200 },
        { Documents(Demo.OtherSchoolCode), Demo.School, 403 },
        { "/documenten/bulk", Demo.Board, 200 },
        { "/documenten/bulk", Demo.Admin, 200 },
        { "/documenten/bulk", Demo.School, 403 },

        // Public pages (the published SOP and the parent report wait for the demo's publishing: PublicDocumentPageAccessibilityTests).
        { "/ondersteuning", null, 200 },
        { "/ondersteuning?vorm=Group", null, 200 },
        { $"/ondersteuning?jaar={Demo.LastYear}&vorm=Clustered", null, 200 },
        { "/sop/99ZZ99", null, 404 },

        // Dashboards and the expertise finder (Features/Dashboards). /dashboard sends each role to its own.
        { $"/school/{Demo.SchoolCode}/dashboard", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/dashboard", Demo.Board, 200 },
        { $"/school/{Demo.SchoolCode}/dashboard?jaar={Demo.LastYear}", Demo.School, 200 },
        { $"/school/{Demo.OtherSchoolCode}/dashboard", Demo.School, 403 },
        { "/dashboard", Demo.Board, 200 },
        { "/dashboard", Demo.Admin, 200 },
        { "/swv/dashboard", Demo.Admin, 200 },
        { "/swv/dashboard", Demo.RegionConsultant, 200 },
        { "/swv/dashboard?domein=taal-lezen", Demo.Admin, 200 },
        { "/swv/dashboard?domein=meer-hoogbegaafdheid", Demo.RegionConsultant, 200 },
        // Grouped by region (the heatmap is regions x domains) and by municipality, filtered by one municipality.
        { "/swv/dashboard?groep=regio", Demo.Admin, 200 },
        { "/swv/dashboard?groep=gemeente", Demo.Admin, 200 },
        { "/swv/dashboard?groep=gemeente&gemeente=ZEIST&domein=rekenen", Demo.Admin, 200 },
        { "/swv/dashboard?groep=regio", Demo.RegionConsultant, 200 },
        { "/swv/dashboard", Demo.Board, 403 },
        { "/vinder", Demo.School, 200 },
        { "/vinder", Demo.Admin, 200 },
        { "/vinder?aanbod=leesinterventie&domein=taal-lezen", Demo.School, 200 },
        { "/vinder?domein=basiskwaliteit&aspect=expertise", Demo.Admin, 200 },
        { "/vinder?aanbod=lift", Demo.Board, 200 },

        // Team Basisondersteuning (issue 11); pages of found records and forms with errors: TeamPageAccessibilityTests.
        { "/consulent", Demo.Consultant, 200 },
        { "/consulent?alle=true", Demo.Consultant, 200 },
        { "/consulent", Demo.RegionConsultant, 200 },
        { "/consulent", Demo.Admin, 200 },
        { "/consulent/vragen", Demo.Admin, 200 },
        { "/consulent", Demo.School, 403 },
        { "/school/" + Demo.SchoolCode, Demo.Consultant, 200 },
        { $"/school/{Demo.SchoolCode}/gesprekken", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/gesprekken", Demo.Board, 200 },
        { $"/school/{Demo.SchoolCode}/gesprekken", Demo.Consultant, 200 },
        { $"/school/{Demo.SchoolCode}/gesprekken/nieuw", Demo.Consultant, 200 },
        { $"/school/{Demo.SchoolCode}/gesprekken/nieuw", Demo.School, 403 },
        { $"/school/{Demo.SchoolCode}/vragen", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/vragen", Demo.Consultant, 200 },
        { $"/school/{Demo.SchoolCode}/vragen/nieuw", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/ontwikkelpunten", Demo.Consultant, 200 },
        { $"/school/{Demo.SchoolCode}/fase", Demo.Consultant, 200 },
        { $"/school/{Demo.SchoolCode}/fase", Demo.Board, 403 },
        { $"/school/{Demo.SchoolCode}/scholing", Demo.School, 200 },
        { "/scholing", Demo.Admin, 200 },
        { "/scholing/nieuw", Demo.Admin, 200 },
        { "/signalen", Demo.Consultant, 200 },
        { "/signalen", Demo.RegionConsultant, 200 },
        { "/signalen/nieuw", Demo.Consultant, 200 },
        { "/account/meldingen", Demo.School, 200 },
        { "/account/meldingen", Demo.Consultant, 200 },

        // Administration (/beheer); the edit pages of found records: AdministrationPageAccessibilityTests.
        { "/beheer", Demo.Admin, 200 },
        { "/beheer", Demo.Consultant, 403 },
        { "/beheer/structuur", Demo.Admin, 200 },
        { "/beheer/structuur/regios/nieuw", Demo.Admin, 200 },
        { "/beheer/structuur/besturen/nieuw", Demo.Admin, 200 },
        { "/beheer/structuur/scholen/nieuw", Demo.Admin, 200 },
        { "/beheer/import", Demo.Admin, 200 },
        { "/beheer/gebruikers", Demo.Admin, 200 },
        { "/beheer/gebruikers/uitnodigen", Demo.Admin, 200 },
        { "/beheer/logboek", Demo.Admin, 200 },
        { "/beheer/herinneringen", Demo.Admin, 200 },
        { "/beheer/ondersteuning", Demo.Admin, 200 },
        { $"/beheer/ondersteuning/{Demo.CurrentYear}", Demo.Admin, 200 },
        { $"/beheer/ondersteuning/{Demo.LastYear}", Demo.Admin, 200 },
        { $"/beheer/ondersteuning/{Demo.CurrentYear}/arrangementen/nieuw", Demo.Admin, 200 },
        { "/beheer/samenwerkingsverband", Demo.Admin, 200 },
        { $"/school/{Demo.SchoolCode}/inspectie", Demo.School, 200 },
        { $"/school/{Demo.SchoolCode}/inspectie", Demo.Admin, 200 },
        { $"/school/{Demo.SchoolCode}/inspectie", Demo.Board, 403 },
        { "/dev/mail", null, 200 },

        // Account pages and error pages; the code step of two-factor log-in: AccountPageAccessibilityTests.
        { "/account/tweestapsverificatie", Demo.School, 200 },
        { "/account/tweestapsverificatie", Demo.Admin, 200 },
        { "/account/uitnodiging", null, 200 },
        { "/account/uitnodiging?id=onbekend&code=ongeldig", null, 200 },
        { "/fout", null, 500 },
        { "/fout/400", null, 400 },
        { "/fout/403", null, 403 },
        { "/fout/429", null, 429 },
    };

    private static string Documents(string code) => $"/school/{code}/documenten";

    /// <summary>Every kind of document of a school as a web page: a concept (this year's scan of 12AB00) and an adopted one (last year's of 14EF00).</summary>
    public static TheoryData<string, string> DocumentPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Demo.DocumentKinds)
        {
            data.Add($"{Documents(Demo.SchoolCode)}/{Demo.CurrentYear}/{kind}", Demo.School);
            data.Add($"{Documents(Demo.OtherSchoolCode)}/{Demo.LastYear}/{kind}", Demo.OtherSchool);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_HasNoAccessibilityViolations(string path, string? user, int status) =>
        InBrowserAsync(async page =>
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(status, response.Status);
            // A signed-in row must test its own page, not the log-in page it was sent to after losing its session.
            if (user is not null) Assert.DoesNotContain("/account/inloggen", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, (user ?? "anoniem") + path);
            await Axe.AssertNoViolationsAsync(page);
        }, user: user, bypassCsp: true);

    [Theory]
    [MemberData(nameof(DocumentPages))]
    public Task DocumentPage_HasNoAccessibilityViolations(string path, string user) =>
        InBrowserAsync(async page =>
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByTestId("document-toolbar")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, user + path);
            await Axe.AssertNoViolationsAsync(page);
        }, user: user, bypassCsp: true);

    [Fact]
    public Task DevelopmentPointEditAndDeletePages_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/school/{Demo.SchoolCode}/ontwikkelpunten");
            var edit = await page.Locator("a[href*='/bewerken']").First.GetAttributeAsync("href");
            Assert.NotNull(edit);
            await page.GotoAsync(edit);
            await Axe.AssertNoViolationsAsync(page);

            // The form with errors: an empty title.
            await page.GetByLabel("Titel").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            var response = await page.GotoAsync(edit.Replace("/bewerken", "/verwijderen", StringComparison.Ordinal));
            Assert.Equal(200, response!.Status);
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.School, bypassCsp: true);

    /// <summary>Two tabs edit the same development point: the second gets the page to choose per field.</summary>
    [Fact]
    public Task DevelopmentPointConflictPage_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/school/{Demo.SchoolCode}/ontwikkelpunten");
            var edit = await page.Locator("a[href*='/bewerken']").Last.GetAttributeAsync("href");
            Assert.NotNull(edit);
            var other = await page.Context.NewPageAsync();
            await page.GotoAsync(edit);
            await other.GotoAsync(edit);

            var stamp = Guid.NewGuid().ToString("N")[..8];
            await other.GetByLabel("Eigenaar").FillAsync("Eerste tabblad " + stamp);
            await other.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await Expect(other.GetByTestId("flash")).ToBeVisibleAsync();

            await page.GetByLabel("Eigenaar").FillAsync("Tweede tabblad " + stamp);
            var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync(),
                r => r.Request.Method == "POST");
            Assert.Equal(409, response.Status);
            await Expect(page.GetByTestId("mine-value").First).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.School, bypassCsp: true);

    /// <summary>
    /// A closed school year: the admin closes last year (on the workflow portal), the pages of that year say so,
    /// then the admin opens it again.
    /// </summary>
    [Fact]
    public async Task ClosedYearPages_HaveNoAccessibilityViolations()
    {
        var portal = await Fixture.WorkflowPortalAsync();
        var scanWindow = $"/beheer/schooljaren/{Demo.LastYear}/scanperiode";
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync(scanWindow);
            await Expect(page.GetByTestId("close-year")).ToHaveTextAsync($"Schooljaar {Demo.LastYear} sluiten");
            await page.GetByTestId("close-year").ClickAsync();
            await Expect(page.GetByTestId("flash")).ToContainTextAsync("is gesloten");
            await page.GotoAsync(scanWindow);
            await Axe.AssertNoViolationsAsync(page);
            await page.GotoAsync($"/beheer/ondersteuning/{Demo.LastYear}");
            await Expect(page.GetByTestId("year-closed")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Admin, portal: portal, bypassCsp: true);

        try
        {
            await InBrowserAsync(async page =>
            {
                var response = await page.GotoAsync($"/school/{Demo.SchoolCode}/ontwikkelpunten/nieuw?jaar={Demo.LastYear}");
                Assert.Equal(409, response!.Status);
                await Expect(page.GetByTestId("year-closed")).ToBeVisibleAsync();
                await Axe.AssertNoViolationsAsync(page);
            }, user: Demo.School, portal: portal, bypassCsp: true);
        }
        finally
        {
            await InBrowserAsync(async page =>
            {
                await page.GotoAsync(scanWindow);
                await page.GetByTestId("close-year").ClickAsync();
                await Expect(page.GetByTestId("flash")).ToContainTextAsync("is heropend");
            }, user: Demo.Admin, portal: portal);
        }
    }

    [Fact]
    public Task LoginWithErrors_AndForgotPasswordSent_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/account/inloggen");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GotoAsync("/account/wachtwoord-vergeten");
            await page.GetByLabel("E-mailadres").FillAsync(Demo.Board);
            await page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een link" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/wachtwoord-vergeten"));
            await Expect(page.GetByTestId("error-summary")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(page);
        }, bypassCsp: true);

    /// <summary>Two tabs of the same user save the same section: the second gets the conflict page.</summary>
    [Fact]
    public Task ScanSectionConflictPage_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            var section = Demo.ScanPath(Demo.SchoolCode) + "/sectie/open-vragen";
            var other = await page.Context.NewPageAsync();
            await page.GotoAsync(section);
            await other.GotoAsync(section);

            var stamp = Guid.NewGuid().ToString("N")[..8];
            await other.Locator("[data-testid=section-form] textarea").First.FillAsync("Eerste tabblad " + stamp);
            await other.GetByTestId("save-section").ClickAsync();
            await Expect(other.GetByTestId("flash")).ToBeVisibleAsync();

            await page.Locator("[data-testid=section-form] textarea").First.FillAsync("Tweede tabblad " + stamp);
            await page.GetByTestId("save-section").ClickAsync();
            await Expect(page.GetByTestId("conflict-title")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("conflict-field").First).ToContainTextAsync(stamp);
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.School, bypassCsp: true);

    /// <summary>
    /// The school years page offers the new year's framework as a choice (a copy of last year's or a template); with a
    /// choice the page does not offer (as a stale or altered form posts it) it comes back with the message next to the
    /// choice and creates nothing, so this runs on the shared demo portal.
    /// </summary>
    [Fact]
    public Task NewYearFrameworkChoice_AndWithAnError_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/beheer/schooljaren");
            await Expect(page.GetByTestId("framework-start")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("framework-option").First).ToBeCheckedAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByTestId("framework-option").Last.EvaluateAsync("radio => { radio.value = 'bestaat-niet'; radio.checked = true; }");
            var response = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("create-year").ClickAsync(), r => r.Request.Method == "POST");
            Assert.Equal(200, response.Status);
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Expect(page.GetByTestId("error-Framework")).ToContainTextAsync("Kies een startkader");
            await Screenshots.SaveAsync(page, "beheerder/beheer/schooljaren-startkader-fout");
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Admin, bypassCsp: true);

    /// <summary>
    /// Every framework editor (general, the lists, the offering groups). The current year's framework is in use and
    /// read-only, so the admin first creates next school year, on the workflow portal.
    /// </summary>
    [Fact]
    public async Task FrameworkEditors_HaveNoAccessibilityViolations()
    {
        var portal = await Fixture.WorkflowPortalAsync();
        await InBrowserAsync(async page =>
        {
            var start = int.Parse(Demo.CurrentYear[..4], System.Globalization.CultureInfo.InvariantCulture);
            var next = $"{start + 1}-{start + 2}";
            await page.GotoAsync("/beheer/schooljaren");
            if (await page.GetByTestId("create-year").CountAsync() > 0 && (await page.GetByTestId("create-year").InnerTextAsync()).Contains(next, StringComparison.Ordinal))
            {
                await page.GetByTestId("create-year").ClickAsync();
            }

            await page.GotoAsync($"/beheer/schooljaren/{next}/kader");
            await Axe.AssertNoViolationsAsync(page);
            var editors = (await page.Locator("main a[href*='/kader/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .Where(href => !href.EndsWith(".json", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Assert.True(editors.Count > 3, "Too few editor links: " + string.Join(", ", editors));
            var failures = new List<string>();
            foreach (var editor in editors)
            {
                var response = await page.GotoAsync(editor);
                Assert.Equal(200, response!.Status);
                await Screenshots.SaveAsync(page, "beheerder" + editor);
                failures.AddRange((await Axe.ViolationsAsync(page)).Select(v => editor + ": " + v));
            }

            Assert.True(failures.Count == 0, string.Join('\n', failures));
        }, user: Demo.Admin, portal: portal, bypassCsp: true);
    }
}
