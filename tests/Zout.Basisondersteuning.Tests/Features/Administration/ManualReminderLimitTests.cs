using System.Net;
using MimeKit;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

/// <summary>
/// Reminders sent by hand reach a school at most once a day, however often the buttons are pressed (issue 14, point 8).
/// A portal of its own: it counts every reminder of the portal and moves the clock.
/// </summary>
public sealed class ManualReminderLimitTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output), IClassFixture<PortalFactory>
{
    private List<MimeMessage> Reminders() =>
        Directory.Exists(Factory.MailDirectory)
            ? Directory.GetFiles(Factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => (m.Subject ?? "").StartsWith("Herinnering", StringComparison.Ordinal)).ToList()
            : [];

    [Fact]
    public async Task PressingTheButtonsAgain_SendsNoSecondReminderTheSameDay()
    {
        await Data.CreateYearAsync(2026, y => y.ScanWindow(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 20)));
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/beheer/herinneringen", "/beheer/herinneringen", new Dictionary<string, string>())).StatusCode);
        // A1 has an IB-er and a directeur, B1 an IB-er.
        Assert.Equal(3, Reminders().Count);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/beheer/herinneringen", "/beheer/herinneringen", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("vandaag al een herinnering", (await admin.GetHtmlAsync("/beheer/herinneringen")).QuerySelector("[data-testid='flash']")?.TextContent);
        var consultant = await Factory.LoggedInClientAsync(World.Consultant);
        Assert.Equal(HttpStatusCode.Redirect, (await consultant.PostFormAsync("/swv/dashboard?jaar=2026-2027", "/swv/dashboard/herinnering", new Dictionary<string, string> { ["jaar"] = "2026-2027" })).StatusCode);
        Assert.Equal(3, Reminders().Count);

        // The next day (a new login: the session of yesterday has expired) the schools can be reminded again.
        Factory.Time.Advance(TimeSpan.FromDays(1));
        admin = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/beheer/herinneringen", "/beheer/herinneringen", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(6, Reminders().Count);
    }
}
