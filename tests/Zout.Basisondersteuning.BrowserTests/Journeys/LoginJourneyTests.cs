using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Journeys;

public sealed class LoginJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string, string, string> Roles => new()
    {
        // account, the home it lands on, the role shown in the header
        { Demo.Admin, "/overzicht/scholen", "Beheerder samenwerkingsverband" },
        { Demo.Consultant, "/consulent", "Consultant samenwerkingsverband" },
        { Demo.RegionConsultant, "/consulent", "Consultant samenwerkingsverband" },
        { Demo.Board, "/overzicht/scholen", "Medewerker schoolbestuur" },
        { Demo.School, "/school/" + Demo.SchoolCode, "Medewerker school)" },
        { Demo.Director, "/school/" + Demo.SchoolCode, "Medewerker school, directeur)" },
        { Demo.OtherSchool, "/school/" + Demo.OtherSchoolCode, "Medewerker school)" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public Task DemoUser_LogsIn_AndLandsOnTheirHome(string email, string home, string role) =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByTestId("login-link").ClickAsync();
            await page.GetByLabel("E-mailadres").FillAsync(email);
            await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(home) + "$"));
            await Expect(page.GetByTestId("current-user")).ToContainTextAsync(role);

            await page.GetByTestId("logout").ClickAsync();
            await Expect(page.GetByTestId("login-link")).ToBeVisibleAsync();
        });

    [Fact]
    public Task WrongPassword_ShowsAnErrorLinkedToTheField_AndKeepsTheEmail() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/account/inloggen");
            await page.GetByLabel("E-mailadres").FillAsync(Demo.Board);
            await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync("niet-het-wachtwoord");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

            var summary = page.GetByTestId("error-summary");
            await Expect(summary).ToHaveAttributeAsync("role", "alert");
            await Expect(summary).ToBeFocusedAsync();
            await Expect(page.GetByLabel("E-mailadres")).ToHaveValueAsync(Demo.Board);
            await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
        });
}
