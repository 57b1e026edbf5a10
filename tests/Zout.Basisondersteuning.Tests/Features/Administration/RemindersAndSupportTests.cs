using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Features.Reminders;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

public sealed class RemindersAndSupportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private IReadOnlyList<MimeMessage> Reminders() =>
        Directory.Exists(factory.MailDirectory)
            ? Directory.GetFiles(factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => (m.Subject ?? "").StartsWith("Herinnering", StringComparison.Ordinal)).ToList()
            : [];

    [Fact]
    public async Task Reminders_ManualAndDaily_OnlySchoolsNotSubmitted_OncePerDayOverInstances()
    {
        _ = factory.World;
        // The 2026-2027 scan window is open (test time is 23 November 2026) and closes in 7 days.
        await TestFrameworks.SeedYearAsync(factory.Services, 2026, TestFrameworks.Small(), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        var admin = await factory.LoggedInClientAsync(World.Admin);
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
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ScanReminderJob>().RunIfDueAsync(CancellationToken.None);
        }

        var results = await Task.WhenAll(RunAsync(), RunAsync());
        Assert.Single(results, r => r is not null);
        Assert.Equal(6, Reminders().Count);
        Assert.Null(await RunAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.ScheduledRuns.CountAsync(r => r.JobName == ScanReminderJob.JobName)));
        Assert.True(await factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.Reminder)));

        // Not a reminder day (6 days before closing): nothing.
        factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Null(await RunAsync());
    }

    [Fact]
    public async Task SupportOffering_EditedByAdmin_ShownOnPublicPage()
    {
        _ = factory.World;
        await TestFrameworks.SeedYearAsync(factory.Services, 2026, TestFrameworks.Small(), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var admin = await factory.LoggedInClientAsync(World.Admin);
        var yearPage = "/beheer/ondersteuning/2026-2027";
        var texts = await admin.PostFormAsync(yearPage, "/beheer/ondersteuning/2026-2027/teksten", new Dictionary<string, string>
        {
            ["Texts.Version"] = "0",
            ["Texts.Introduction"] = "Samen zorgen we voor passend onderwijs.",
            ["Texts.Phase2"] = "De consultant denkt mee.",
        });
        Assert.Equal(HttpStatusCode.Redirect, texts.StatusCode);

        var invalid = await admin.PostFormAsync($"{yearPage}/arrangementen/nieuw", $"{yearPage}/arrangementen/nieuw", new Dictionary<string, string> { ["Input.Name"] = "TOP-groep" });
        Assert.Equal("Kies individueel of groep.", (await invalid.HtmlAsync()).QuerySelector("[data-testid='error-Input_Form']")?.TextContent.Trim());

        var created = await admin.PostFormAsync($"{yearPage}/arrangementen/nieuw", $"{yearPage}/arrangementen/nieuw", new Dictionary<string, string>
        {
            ["Input.Name"] = "TOP-groep",
            ["Input.Form"] = "Group",
            ["Input.Relation"] = "Replacing",
            ["Input.Duration"] = "MediumTerm",
            ["Input.HostSchoolId"] = factory.World.SchoolA1.Id.ToString(),
            ["Input.RegionIds"] = factory.World.North.Id.ToString(),
            ["Input.Description"] = "Voor kinderen die even meer nodig hebben.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var publicPage = await factory.CreatePortalClient().GetHtmlAsync("/ondersteuning");
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
        await TestFrameworks.SeedYearAsync(factory.Services, 2026, TestFrameworks.Small(), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var school = await factory.LoggedInClientAsync(World.SchoolA1Director);
        foreach (var url in new[] { "/beheer/ondersteuning", "/beheer/ondersteuning/2026-2027", "/beheer/ondersteuning/2026-2027/arrangementen/nieuw", "/beheer/herinneringen" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync(url)).StatusCode);
        }

        var post = await school.PostFormAsync("/account/wachtwoord-wijzigen", "/beheer/herinneringen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreatePortalClient().GetAsync("/ondersteuning")).StatusCode);
    }
}

public sealed class ClosedYearSupportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ClosedYear_OfferingCannotChange()
    {
        _ = factory.World;
        var year = await TestFrameworks.SeedYearAsync(factory.Services, 2024, TestFrameworks.Small(), new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 30));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.SchoolYears.SingleAsync(y => y.Id == year.Id);
            stored.IsClosed = true;
            return await db.SaveChangesAsync();
        });
        var admin = await factory.LoggedInClientAsync(World.Admin);
        var page = "/beheer/ondersteuning/2024-2025";
        Assert.NotNull((await admin.GetHtmlAsync(page)).QuerySelector("[data-testid='year-closed']"));
        var response = await admin.PostFormAsync(page, $"{page}/arrangementen/nieuw", new Dictionary<string, string>
        { ["Input.Name"] = "Te laat", ["Input.Form"] = "Group", ["Input.Relation"] = "Additional", ["Input.Duration"] = "ShortTerm" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.SupportArrangements.AnyAsync(a => a.SchoolYearId == year.Id)));
    }
}
