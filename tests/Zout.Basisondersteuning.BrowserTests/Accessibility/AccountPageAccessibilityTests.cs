using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zout.Basisondersteuning.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// The accessibility gate for account pages behind a step that changes an account: two-factor authentication
/// (set up, recovery codes, the code at log-in) and accepting an invitation. Both on the workflow portal.
/// </summary>
public sealed class AccountPageAccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>
    /// The region consultant turns two-factor on with a code computed from the shown key, then logs in again with a
    /// recovery code. No other test logs in as this user on the workflow portal.
    /// </summary>
    [Fact]
    public async Task TwoFactorSetup_RecoveryCodes_AndLoginCode_HaveNoAccessibilityViolations()
    {
        var portal = await Fixture.WorkflowPortalAsync();
        await InBrowserAsync(async page =>
        {
            await LogInAsync(page, Demo.RegionConsultant);
            await page.GotoAsync("/account/tweestapsverificatie");
            var form = page.GetByTestId("two-factor-form");
            await form.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            var key = await page.GetByTestId("shared-key").InnerTextAsync();
            await page.GetByLabel("Code uit de app").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp());
            await page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
            var codes = page.GetByTestId("recovery-codes").Locator("code");
            await Expect(codes.First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "herstelcodes");
            await Axe.AssertNoViolationsAsync(page);
            var recoveryCode = await codes.First.InnerTextAsync();

            await page.GotoAsync("/account/tweestapsverificatie");
            await Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            // New recovery codes ask for the password: without it, the error and its summary.
            await page.GetByTestId("recovery-codes-form").GetByRole(AriaRole.Button, new() { Name = "Nieuwe herstelcodes maken" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByTestId("logout").ClickAsync();
            await page.GotoAsync("/account/inloggen");
            await page.GetByLabel("E-mailadres").FillAsync(Demo.RegionConsultant);
            await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/inloggen/code"));
            await Screenshots.SaveAsync(page, "inloggen-code");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(recoveryCode);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await Expect(page.GetByTestId("current-user")).ToContainTextAsync("Consultant");
        }, portal: portal, bypassCsp: true);
    }

    /// <summary>The admin invites someone; the link in the (development) mail opens the page to choose a password.</summary>
    [Fact]
    public async Task AcceptInvitation_HasNoAccessibilityViolations()
    {
        var portal = await Fixture.WorkflowPortalAsync();
        var email = $"uitgenodigd-{Guid.NewGuid():N}"[..24] + "@demo.example";
        string? link = null;
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/beheer/gebruikers/uitnodigen");
            await page.GetByLabel("E-mailadres").FillAsync(email);
            await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Una Uitgenodigd");
            await page.GetByLabel("Rol").SelectOptionAsync("Consultant");
            await page.GetByLabel("Alle regio's", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging sturen" }).ClickAsync();
            await Expect(page.GetByTestId("flash")).ToContainTextAsync(email);

            await page.GotoAsync("/dev/mail");
            var mail = page.GetByTestId("mail").Filter(new() { HasText = email }).First;
            var body = await mail.InnerTextAsync();
            link = Regex.Match(body, @"https?://\S+/account/uitnodiging\?\S+").Value;
            Assert.False(string.IsNullOrEmpty(link), "No invitation link in: " + body);
        }, user: Demo.Admin, portal: portal);

        await InBrowserAsync(async page =>
        {
            var response = await page.GotoAsync(link!);
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByLabel("Herhaal het wachtwoord")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
            await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
            await Axe.AssertNoViolationsAsync(page);
        }, portal: portal, bypassCsp: true);
    }
}
