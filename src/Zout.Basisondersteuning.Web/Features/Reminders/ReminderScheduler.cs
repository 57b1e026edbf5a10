using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Reminders;

/// <summary>
/// Claims one run of a job per day in the database. The unique index on (JobName, RunDate) lets exactly
/// one app instance win; the others see the insert fail and skip the run.
/// </summary>
public sealed class DailyJobClaim(AppDbContext db, TimeProvider time)
{
    public async Task<bool> TryClaimAsync(string jobName, DateOnly day, CancellationToken cancellationToken)
    {
        if (await db.ScheduledRuns.AnyAsync(r => r.JobName == jobName && r.RunDate == day, cancellationToken)) return false;
        var run = new ScheduledRun { JobName = jobName, RunDate = day, ClaimedAt = time.GetUtcNow(), Instance = Environment.MachineName };
        db.ScheduledRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(run).State = EntityState.Detached;
            return false;
        }
    }
}

/// <summary>The daily reminder job: on the configured days before the scan window closes, once per day over all instances.</summary>
public sealed class ScanReminderJob(DailyJobClaim claim, ScanReminders.Handler reminders, TimeProvider time, IConfiguration configuration, ILogger<ScanReminderJob> logger)
{
    public const string JobName = "scan-reminders";

    /// <summary>Runs the job if it is due today and no other instance ran it; returns what was sent, or null when it did not run.</summary>
    public async Task<ScanReminders.Sent?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var year = await reminders.OpenYearAsync(cancellationToken);
        if (year?.ScanClosesOn is not { } closes) return null;
        var daysBefore = (configuration["Reminders:DaysBefore"] ?? "7,1").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.TryParse(d, out var n) ? n : -1).ToHashSet();
        if (!daysBefore.Contains(closes.DayNumber - today.DayNumber)) return null;
        if (!await claim.TryClaimAsync(JobName, today, cancellationToken))
        {
            logger.LogInformation("Scan reminders of {Day} were already sent by another instance (or an earlier run)", today);
            return null;
        }

        return (await reminders.SendAsync(byHand: false, cancellationToken)).Value;
    }
}

/// <summary>Checks every hour (on the app's TimeProvider) whether today's reminders are due.</summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReminderScheduler> logger) : BackgroundService
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
                await scope.ServiceProvider.GetRequiredService<ScanReminderJob>().RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing run must not stop the scheduler; the next hour tries again (the claim makes that safe only once sent).
                logger.LogError(e, "Scan reminder job failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
