using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Features.Reminders;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

/// <summary>
/// A portal of its own: the reminders go to every school of the portal that has not submitted, and the test
/// date (a week before the window closes) must not move under them.
/// </summary>
public sealed class RemindersAndSupportTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output), IClassFixture<PortalFactory>
{
    /// <summary>This year's scan window is open (test time is 23 November 2026) and closes in 7 days.</summary>
    private Task<Web.Domain.SchoolYear> ThisYearClosingNextWeekAsync() =>
        Data.CreateYearAsync(2026, y => y.ScanWindow(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));

    private List<MimeMessage> Reminders() =>
        Directory.Exists(Factory.MailDirectory)
            ? Directory.GetFiles(Factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => (m.Subject ?? "").StartsWith("Herinnering", StringComparison.Ordinal)).ToList()
            : [];

    [Fact]
    public async Task Reminders_ManualAndDaily_OnlySchoolsNotSubmitted_OncePerDayOverInstances()
    {
        await ThisYearClosingNextWeekAsync();

        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = await admin.GetHtmlAsync("/beheer/herinneringen");
        Assert.Equal("3", page.QuerySelector("[data-testid='open-count']")?.TextContent);

        var sent = await admin.PostFormAsync("/beheer/herinneringen", "/beheer/herinneringen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var manual = Reminders();
        // A1 has an IB-er and a directeur, B1 an IB-er; A2 has no users.
        Assert.Equal(3, manual.Count);
        Assert.Contains(manual, m => m.To.ToString().Contains(World.SchoolB1User, StringComparison.Ordinal));
        Assert.Contains("30 november 2026", manual[0].Subject);

        // Two instances run the daily job on the same day: one sends, the other finds the day claimed.
        async Task<ScanReminders.Sent?> RunAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ScanReminderJob>().RunIfDueAsync(CancellationToken.None);
        }

        var results = await Task.WhenAll(RunAsync(), RunAsync());
        Assert.Single(results, r => r is not null);
        Assert.Equal(6, Reminders().Count);
        Assert.Null(await RunAsync());
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ScheduledRuns.CountAsync(r => r.JobName == ScanReminderJob.JobName)));
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.Reminder)));

        // Not a reminder day (6 days before closing): nothing.
        Factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Null(await RunAsync());
    }

    [Fact]
    public async Task SupportOffering_EditedByAdmin_ShownOnPublicPage()
    {
        await ThisYearClosingNextWeekAsync();
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var yearPage = "/beheer/ondersteuning/2026-2027";
        // The form opens with the default texts (a title for every phase, the SOP framing): change two of them.
        var texts = await admin.SubmitAsync(await admin.GetHtmlAsync(yearPage), "[data-testid='texts-form']", new Dictionary<string, string>
        {
            ["Texts.Introduction"] = "Samen zorgen we voor passend onderwijs.",
            ["Texts.Phase2"] = "De consultant denkt mee.",
        });
        Assert.Equal(HttpStatusCode.Redirect, texts.StatusCode);

        var invalid = await admin.PostFormAsync($"{yearPage}/arrangementen/nieuw", $"{yearPage}/arrangementen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "TOP-groep" });
        Assert.Equal("Kies individueel, geclusterd of groepsarrangement.", (await invalid.HtmlAsync()).QuerySelector("[data-testid='error-Input_Form']")?.TextContent.Trim());

        var created = await admin.PostFormAsync($"{yearPage}/arrangementen/nieuw", $"{yearPage}/arrangementen/nieuw", new Dictionary<string, string>
        {
            ["Input.Name"] = "TOP-groep",
            ["Input.Form"] = "Group",
            ["Input.Relation"] = "Replacing",
            ["Input.Durations"] = "MediumTerm",
            ["Input.HostSchoolId"] = World.SchoolA1.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.RegionIds"] = World.North.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Description"] = "Voor kinderen die even meer nodig hebben.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var publicPage = await Factory.CreatePortalClient().GetHtmlAsync("/ondersteuning");
        Assert.Equal("Samen zorgen we voor passend onderwijs.", publicPage.QuerySelector("[data-testid='support-intro']")?.TextContent);
        Assert.Equal(4, publicPage.QuerySelectorAll("[data-testid='support-phases'] li").Length);
        var arrangement = publicPage.QuerySelector("[data-testid='support-arrangement']");
        Assert.Contains("TOP-groep", arrangement?.TextContent);
        Assert.Contains("Groepsarrangement", arrangement?.TextContent);
        Assert.Contains("Vervangend", arrangement?.TextContent);
        Assert.Contains("Obs Aalscholver", arrangement?.TextContent);
        Assert.Contains("Noord", arrangement?.TextContent);
    }

    [Fact]
    public async Task SupportPages_NonAdmin_Forbidden_PublicPage_Anonymous()
    {
        await ThisYearClosingNextWeekAsync();
        var school = await Factory.LoggedInClientAsync(World.SchoolA1Director);
        foreach (var url in new[] { "/beheer/ondersteuning", "/beheer/ondersteuning/2026-2027", "/beheer/ondersteuning/2026-2027/arrangementen/nieuw", "/beheer/herinneringen" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync(url)).StatusCode);
        }

        var post = await school.PostFormAsync("/account/wachtwoord-wijzigen", "/beheer/herinneringen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreatePortalClient().GetAsync("/ondersteuning")).StatusCode);
    }
}

[Collection(Portals.Administration)]
public sealed class ClosedYearSupportTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task ClosedYear_OfferingCannotChange()
    {
        var year = await Data.CreateYearAsync(2024, y => y.ScanWindow(new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 30)).Closed());
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var page = "/beheer/ondersteuning/2024-2025";
        Assert.NotNull((await admin.GetHtmlAsync(page)).QuerySelector("[data-testid='year-closed']"));
        var response = await admin.PostFormAsync(page, $"{page}/arrangementen/nieuw", new Dictionary<string, string>
        { ["Input.Name"] = "Te laat", ["Input.Form"] = "Group", ["Input.Relation"] = "Additional", ["Input.Durations"] = "ShortTerm" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.SupportArrangements.AnyAsync(a => a.SchoolYearId == year.Id)));
    }
}
