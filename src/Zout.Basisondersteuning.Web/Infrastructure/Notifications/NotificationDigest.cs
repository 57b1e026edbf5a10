using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Notifications;
using Zout.Basisondersteuning.Web.Features.Reminders;

namespace Zout.Basisondersteuning.Web.Infrastructure.Notifications;

/// <summary>
/// The daily digest: once a day (from <c>Notifications:DigestHour</c>, Dutch time), over all app instances
/// (<see cref="DailyJobClaim"/>), every user with pending notifications gets one mail listing them: users who chose the
/// digest, and anyone whose mail per event could not be sent.
/// </summary>
public sealed class NotificationDigest(AppDbContext db, DailyJobClaim claim, Notifier notifier, TimeProvider time, IConfiguration configuration, PublicUrls urls, ILogger<NotificationDigest> logger)
{
    public const string JobName = "notification-digest";

    /// <summary>What a run sent: how many users got a digest, with how many notifications.</summary>
    public sealed record Sent(int Mails, int Notifications);

    /// <summary>Runs the digest if it is due (after the digest hour) and no instance ran it today; null when it did not run.</summary>
    public async Task<Sent?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.Now();
        if (now.Hour < configuration.GetValue("Notifications:DigestHour", 7)) return null;
        var today = DateOnly.FromDateTime(now.DateTime);
        if (!await claim.TryClaimAsync(JobName, today, cancellationToken)) return null;
        return await SendAsync(today, cancellationToken);
    }

    /// <summary>Sends every pending notification as one digest mail per user.</summary>
    public async Task<Sent> SendAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var pending = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending)
            .OrderBy(n => n.UserId).ThenBy(n => n.CreatedAt)
            .ToListAsync(cancellationToken);
        var mails = 0;
        foreach (var group in pending.GroupBy(n => n.UserId))
        {
            mails += await notifier.SendAsync(group.Key, group.ToList(), urls.BaseUrl, date, cancellationToken);
        }

        logger.LogInformation("Notification digest of {Date}: {Mails} mails for {Notifications} pending notifications", date, mails, pending.Count);
        return new Sent(mails, pending.Count);
    }
}

/// <summary>Checks every hour (on the app's TimeProvider) whether today's digest is due.</summary>
public sealed class NotificationDigestScheduler(IServiceScopeFactory scopes, TimeProvider time, ILogger<NotificationDigestScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDigest>().RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Notification digest failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationDigest>();
        if (configuration.GetValue("Notifications:Scheduled", defaultValue: true)) services.AddHostedService<NotificationDigestScheduler>();
        return services;
    }
}
