using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Notifications;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>
/// Notifications: the contact person hears of a submitted scan; each user chooses a mail per event or a daily digest;
/// a digest goes out once a day over all instances; nobody gets a mail about a school they may no longer see.
/// Its own portal: the digest claims its day.
/// </summary>
public sealed class NotificationTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output), IClassFixture<ScanPortal>
{
    [Fact]
    public async Task ScanSubmitted_TheContactPersonGetsAMail_WithALinkAndWithoutScores()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        await ScanForms.CompleteAllSectionsAsync(ib, school);
        await ScanForms.SubmitAsync(Factory, ib, school);

        var mail = Assert.Single(Factory.MailsTo(consultant.Email));
        Assert.Equal($"Scan {TestData.ThisYear} ingediend: {school.Name}", mail.Subject);
        Assert.Contains($"https://localhost/school/{school.Code}/scan/{TestData.ThisYear}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestUsers_GetNoMailPerEvent_ButOneDigestWithAllTheirEvents()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var settings = await ib.GetHtmlAsync("/account/meldingen");
        Assert.Equal(HttpStatusCode.Redirect, (await ib.SubmitAsync(settings, "form[data-testid='notification-form']",
            new Dictionary<string, string> { ["Mode"] = nameof(NotificationMode.DailyDigest) })).StatusCode);

        var staff = await Factory.LoggedInClientAsync(consultant);
        foreach (var kind in new[] { ConversationKind.OfficeHours, ConversationKind.Progress })
        {
            TeamPages.IdFrom(await staff.RecordConversationAsync(school, new Dictionary<string, string> { ["Input.Kind"] = kind.ToString(), ["Input.Summary"] = "Verslag." }));
        }

        Assert.Empty(Factory.MailsTo(school.Ib));
        Assert.Equal(2, Factory.MailsTo(school.Director).Count);
        Assert.Contains("2 berichten", (await ib.GetHtmlAsync("/account/meldingen")).Text("pending"), StringComparison.Ordinal);

        var sent = await DigestAsync();
        Assert.True(sent.Mails >= 1);
        var digest = Assert.Single(Factory.MailsTo(school.Ib));
        Assert.StartsWith("Overzicht", digest.Subject, StringComparison.Ordinal);
        Assert.Equal(2, (digest.TextBody ?? "").Split($"/school/{school.Code}/gesprekken/").Length - 1);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending && db.Users.Any(u => u.Id == n.UserId && u.Email == school.Ib))));

        // Nothing new: no second digest.
        await DigestAsync();
        Assert.Single(Factory.MailsTo(school.Ib));
    }

    [Fact]
    public async Task UserWhoLostAccessBeforeTheDigest_GetsNothingAboutThatSchool()
    {
        var (consultant, school, _, _) = await Data.ConsultantWithSchoolAsync();
        var elsewhere = await Data.CreateSchoolAsync();
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var settings = await ib.GetHtmlAsync("/account/meldingen");
        await ib.SubmitAsync(settings, "form[data-testid='notification-form']", new Dictionary<string, string> { ["Mode"] = nameof(NotificationMode.DailyDigest) });
        var staff = await Factory.LoggedInClientAsync(consultant);
        TeamPages.IdFrom(await staff.RecordConversationAsync(school, new Dictionary<string, string> { ["Input.Kind"] = "Progress", ["Input.Summary"] = "Verslag." }));

        // The IB-er moves to another school before the digest goes out.
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == school.Ib).ExecuteUpdateAsync(u => u.SetProperty(x => x.SchoolId, elsewhere.Id)));
        await DigestAsync();

        Assert.Empty(Factory.MailsTo(school.Ib));
        Assert.Equal(NotificationStatus.Skipped, await Factory.WithDbAsync(db => db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == school.Ib)).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task DailyDigestJob_RunsOncePerDay_OverInstances()
    {
        await using var first = Factory.Services.CreateAsyncScope();
        await using var second = Factory.Services.CreateAsyncScope();
        var ran = await first.ServiceProvider.GetRequiredService<NotificationDigest>().RunIfDueAsync(CancellationToken.None);
        var again = await second.ServiceProvider.GetRequiredService<NotificationDigest>().RunIfDueAsync(CancellationToken.None);
        Assert.NotNull(ran);
        Assert.Null(again);
    }

    private async Task<NotificationDigest.Sent> DigestAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDigest>().SendAsync(new DateOnly(2026, 11, 23), CancellationToken.None);
    }
}
