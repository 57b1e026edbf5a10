using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// The accessibility gate for Team Basisondersteuning's pages of found records (issue 11): a gespreksverslag and its
/// edit form (with errors, and the conflict of two tabs), a board's startbijeenkomsten, a request, a connection, a joint
/// training; and the forms with errors. The pages without an id are rows in <see cref="PageAccessibilityTests"/>.
/// </summary>
public sealed class TeamPageAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly Regex ConversationLink = new($"^/school/{Demo.SchoolCode}/gesprekken/\\d+$");
    private static readonly Regex RequestLink = new($"^/school/{Demo.SchoolCode}/vragen/\\d+$");

    /// <summary>The first (or last) link in the page's main content whose address matches <paramref name="pattern"/>.</summary>
    private static async Task<string> HrefAsync(IPage page, Regex pattern, bool last = false)
    {
        var hrefs = (await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(h => pattern.IsMatch(h)).ToList();
        Assert.True(hrefs.Count > 0, $"No link matching {pattern} on {page.Url}");
        return last ? hrefs[^1] : hrefs[0];
    }

    [Fact]
    public Task ConversationReport_AndItsEditForm_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/school/{Demo.SchoolCode}/gesprekken");
            await page.GotoAsync(await HrefAsync(page, ConversationLink));
            await Expect(page.GetByTestId("document-toolbar")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "beheerder-gespreksverslag");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByTestId("edit-conversation").ClickAsync();
            await Expect(page.GetByTestId("conversation-form")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            // The form with errors: no summary; nothing is saved.
            await page.GetByLabel("Verslag", new() { Exact = true }).FillAsync("");
            await page.GetByTestId("save-conversation").ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Admin, bypassCsp: true);

    /// <summary>Two tabs edit the same report: the second gets the page to choose per part.</summary>
    [Fact]
    public Task ConversationConflictPage_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/school/{Demo.SchoolCode}/gesprekken");
            var report = await HrefAsync(page, ConversationLink, last: true);
            var edit = Regex.Replace(report, @"(\d+)$", "$1/bewerken");
            var other = await page.Context.NewPageAsync();
            await page.GotoAsync(edit);
            await other.GotoAsync(edit);

            var stamp = Guid.NewGuid().ToString("N")[..8];
            var summary = other.GetByLabel("Verslag", new() { Exact = true });
            await summary.FillAsync(await summary.InputValueAsync() + " Aangevuld in het eerste tabblad " + stamp + ".");
            await other.GetByTestId("save-conversation").ClickAsync();
            await Expect(other.GetByTestId("flash")).ToBeVisibleAsync();

            var mine = page.GetByLabel("Verslag", new() { Exact = true });
            await mine.FillAsync(await mine.InputValueAsync() + " Aangevuld in het tweede tabblad " + stamp + ".");
            await page.GetByTestId("save-conversation").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("intussen gewijzigd");
            await Screenshots.SaveAsync(page, "consultant-gespreksverslag-conflict");
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Admin, bypassCsp: true);

    [Fact]
    public Task BoardStartMeetings_ListMeetingAndForm_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/dashboard");
            await page.GetByTestId("board-meetings-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/bestuur/\d+/bijeenkomsten$"));
            await Axe.AssertNoViolationsAsync(page);
            var list = new Uri(page.Url).AbsolutePath;

            await page.GotoAsync(await HrefAsync(page, new Regex(@"/bestuur/\d+/bijeenkomsten/\d+$")));
            await Screenshots.SaveAsync(page, "bestuur-startbijeenkomst");
            await Axe.AssertNoViolationsAsync(page);

            await using var context = await Fixture.Browser.NewContextAsync(new()
            {
                StorageState = await Fixture.LoggedInStateAsync(Portal, Demo.Consultant),
                BaseURL = Portal.BaseUrl.ToString(),
                Locale = "nl-NL",
                BypassCSP = true,
            });
            var consultant = await context.NewPageAsync();
            var response = await consultant.GotoAsync(list + "/nieuw");
            Assert.Equal(200, response!.Status);
            await Axe.AssertNoViolationsAsync(consultant);

            // The form with errors: saved without notes.
            await consultant.GetByTestId("save-board-meeting").ClickAsync();
            await Expect(consultant.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(consultant);
        }, user: Demo.Board, bypassCsp: true);

    [Fact]
    public Task SupportRequest_AndItsForm_AndAConnection_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/school/{Demo.SchoolCode}/vragen");
            await page.GotoAsync(await HrefAsync(page, RequestLink));
            await Screenshots.SaveAsync(page, "school-vraag");
            await Axe.AssertNoViolationsAsync(page);

            // The form with errors: a citizen service number in the description.
            await page.GotoAsync($"/school/{Demo.SchoolCode}/vragen/nieuw");
            await page.GetByLabel("Uw vraag", new() { Exact = true }).FillAsync("Over de leerling met BSN 111222333 willen we graag sparren.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            // A connection waiting for this school's answer.
            await page.GotoAsync("/school/" + Demo.SchoolCode);
            await page.GetByTestId("connection").Locator("a").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/school/{Demo.SchoolCode}/verbindingen/\\d+$"));
            await Screenshots.SaveAsync(page, "school-verbinding");
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.School, bypassCsp: true);

    [Fact]
    public Task ConnectionProposal_FromARequest_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync($"/school/{Demo.SchoolCode}/vragen");
            // A request about a domain or an offering item: the consultant can connect the school to one that is strong in it.
            var requests = (await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .Where(h => RequestLink.IsMatch(h)).Distinct().ToList();
            foreach (var request in requests)
            {
                await page.GotoAsync(request);
                if (await page.GetByTestId("connect-link").CountAsync() > 0) break;
            }

            await page.GetByTestId("connect-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/verbindingen/nieuw"));
            await Screenshots.SaveAsync(page, "consultant-verbinding-voorstellen");
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Consultant, bypassCsp: true);

    [Fact]
    public Task JointTraining_AndSignalForm_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/scholing");
            await page.GotoAsync(await HrefAsync(page, new Regex(@"^/scholing/\d+$")));
            await Screenshots.SaveAsync(page, "beheerder-scholing");
            await Axe.AssertNoViolationsAsync(page);

            // The forms with errors.
            await page.GotoAsync("/scholing/nieuw");
            await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GotoAsync("/signalen/nieuw");
            await page.GetByRole(AriaRole.Button, new() { Name = "Signaal opslaan" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Admin, bypassCsp: true);
}
