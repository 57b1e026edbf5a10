using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Journeys;

/// <summary>Team Basisondersteuning (issue 11) as its users reach it: a consultant records a conversation, the school reads it.</summary>
public sealed class TeamJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>
    /// The contact person of 12AB00 records a voortgangsgesprek with an agreement from "Mijn scholen"; the IB-er of
    /// the school finds it from the school page, reads it and downloads the gespreksverslag as PDF.
    /// </summary>
    [Fact]
    public async Task Consultant_RecordsAConversation_TheSchoolUserReadsItAndDownloadsThePdf()
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var summary = $"Voortgang besproken in de browser {stamp}: de leesaanpak wordt geborgd.";
        var action = $"Borgingskalender bespreken in het team {stamp}";
        string? report = null;

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/consulent");
            await page.GetByTestId("table-mijn-scholen").GetByRole(AriaRole.Link, new() { Name = "Obs De Regenboog" }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/school/{Demo.SchoolCode}$"));
            await page.GetByTestId("conversations-link").ClickAsync();
            await page.GetByTestId("new-conversation").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Gesprek");

            await page.GetByLabel("Soort gesprek").SelectOptionAsync(new SelectOptionValue { Label = "Voortgangsgesprek" });
            await page.GetByTestId("participant-user").First.CheckAsync();
            await page.GetByLabel("Verslag", new() { Exact = true }).FillAsync(summary);
            await page.GetByLabel("Afspraak 1: actie").FillAsync(action);
            await page.GetByLabel("Afspraak 1: eigenaar").FillAsync("IB-er");
            await page.GetByTestId("save-conversation").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/school/{Demo.SchoolCode}/gesprekken/\\d+$"));
            await Expect(page.GetByTestId("flash")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("conversation-summary")).ToContainTextAsync(stamp);
            report = new Uri(page.Url).AbsolutePath;
        }, user: Demo.Consultant);

        Assert.NotNull(report);
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/school/" + Demo.SchoolCode);
            await page.GetByTestId("conversations-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/school/{Demo.SchoolCode}/gesprekken$"));
            await Expect(page.GetByTestId("new-conversation")).ToHaveCountAsync(0);
            await page.Locator($"a[href='{report}']").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(report!) + "$"));
            await Expect(page.GetByTestId("conversation-kind")).ToHaveTextAsync("Voortgangsgesprek");
            await Expect(page.GetByTestId("conversation-summary")).ToContainTextAsync(summary);
            await Expect(page.GetByTestId("agreement-row").Filter(new() { HasText = action })).ToHaveCountAsync(1);
            // The school reads but does not edit; it may respond.
            await Expect(page.GetByTestId("edit-conversation")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("response-form")).ToBeVisibleAsync();

            var pdf = await Downloads.PdfFromLinkAsync(page, page.GetByTestId("pdf-link"));
            Assert.Matches($"^{Demo.SchoolCode}-.*Gespreksverslag-\\d{{4}}-\\d{{2}}-\\d{{2}}-\\d+.*\\.pdf$", pdf.SuggestedFilename);
        }, user: Demo.School);
    }
}
