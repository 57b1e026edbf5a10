using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// The accessibility gate for dashboard states reached through their own forms and links: the board's dashboard
/// zoomed in on a domain and of last year, the partnership dashboard filtered by region and by board.
/// </summary>
public sealed class DashboardPageAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task BoardDashboard_ZoomedInAndLastYear_HaveNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/dashboard");
            await Expect(page).ToHaveURLAsync(new Regex(@"/bestuur/\d+/dashboard$"));
            await page.GetByTestId("drill-down").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("domein="));
            await Screenshots.SaveAsync(page, "bestuur-dashboard-domein");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByLabel("Schooljaar", new() { Exact = true }).SelectOptionAsync(Demo.LastYear);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("jaar=" + Demo.LastYear));
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Board, bypassCsp: true);

    [Fact]
    public Task PartnershipDashboard_FilteredByRegionAndBoard_HasNoAccessibilityViolations() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/swv/dashboard");
            var filters = page.GetByRole(AriaRole.Search, new() { Name = "Dashboard filteren" });
            await filters.GetByLabel("Regio").SelectOptionAsync(new SelectOptionValue { Label = Demo.Region });
            await filters.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"regio=\d+"));
            await Screenshots.SaveAsync(page, "beheerder-swv-dashboard-regio");
            await Axe.AssertNoViolationsAsync(page);

            filters = page.GetByRole(AriaRole.Search, new() { Name = "Dashboard filteren" });
            await filters.GetByLabel("Regio").SelectOptionAsync(new SelectOptionValue { Index = 0 });
            await filters.GetByLabel("Schoolbestuur").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await filters.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"bestuur=\d+"));
            await page.GetByTestId("drill-down").GetByRole(AriaRole.Link).Last.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"bestuur=\d+.*domein="));
            await Screenshots.SaveAsync(page, "beheerder-swv-dashboard-bestuur-domein");
            await Axe.AssertNoViolationsAsync(page);
        }, user: Demo.Admin, bypassCsp: true);

    /// <summary>
    /// The tables folded under the charts (stacked bars, small multiples), opened with the keyboard: every dashboard
    /// with all its tables open has no violations, and each opened table is a named region the keyboard can reach.
    /// </summary>
    [Theory]
    [InlineData("/swv/dashboard?groep=regio", Demo.Admin)]
    [InlineData("/dashboard", Demo.Board)]
    public Task Dashboard_WithTheTablesUnderItsChartsOpened_HasNoAccessibilityViolations(string path, string user) =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync(path);
            var folded = page.Locator("details.zb-chart-table > summary");
            var count = await folded.CountAsync();
            Assert.True(count > 0, $"{path} has no chart with a folded table");
            for (var i = 0; i < count; i++)
            {
                await folded.Nth(i).FocusAsync();
                await page.Keyboard.PressAsync("Enter");
            }

            await Expect(page.Locator("details.zb-chart-table:not([open])")).ToHaveCountAsync(0);
            await Expect(page.Locator("details.zb-chart-table table caption").First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, $"{user}{path}-tabellen-open");
            await Axe.AssertNoViolationsAsync(page);
        }, user: user, bypassCsp: true);
}
