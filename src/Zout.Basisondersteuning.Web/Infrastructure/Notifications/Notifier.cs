using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Email;

namespace Zout.Basisondersteuning.Web.Infrastructure.Notifications;

/// <summary>What to tell: a subject, a short text without content the receiver may not see, and the page it is about.</summary>
public sealed record NotificationMessage(string Subject, string Text, string Path, int? SchoolId);

/// <summary>
/// The one way Team Basisondersteuning's events reach people by mail (ADR 070). A use case calls
/// <see cref="QueueAsync"/> before its SaveChanges, so the notifications are stored in the same transaction as the event,
/// and <see cref="DeliverAsync"/> after it: users who chose a mail per event get it at once, the others find it in their
/// daily digest (<see cref="NotificationDigest"/>). At sending, the receiver must still be active and still see the
/// school the notification is about; otherwise it is skipped. A failed send stays pending and goes out with the digest.
/// </summary>
public sealed class Notifier(AppDbContext db, IEmailSender emailSender, PublicUrls urls, TimeProvider time, ILogger<Notifier> logger)
{
    private readonly List<Notification> _queued = [];

    /// <summary>Adds one notification per (distinct) receiver to the context; saved with the caller's SaveChanges.</summary>
    public Task QueueAsync(IEnumerable<string?> userIds, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var userId in userIds.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var notification = new Notification
            {
                UserId = userId,
                SchoolId = message.SchoolId,
                CreatedAt = now,
                Subject = Truncate(message.Subject, Notification.SubjectMaxLength),
                Text = Truncate(message.Text, Notification.TextMaxLength),
                Path = Truncate(message.Path, Notification.PathMaxLength),
                Status = NotificationStatus.Pending,
            };
            db.Notifications.Add(notification);
            _queued.Add(notification);
        }

        return Task.CompletedTask;
    }

    /// <summary>The active users of a school with an account: who hears about its conversations and answered requests.</summary>
    public Task<List<string>> SchoolUsersAsync(int schoolId, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking()
            .Where(u => u.SchoolId == schoolId && u.Role == UserRole.SchoolUser && u.IsActive && u.Email != null)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The school's fixed contact person; without one, the partnership's admins (so a request never goes unseen).</summary>
    public async Task<List<string>> ContactPersonAsync(int schoolId, CancellationToken cancellationToken = default)
    {
        var contact = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId && s.ContactPerson != null && s.ContactPerson.IsActive)
            .Select(s => s.ContactPersonId).SingleOrDefaultAsync(cancellationToken);
        if (contact is not null) return [contact];
        return await db.Users.AsNoTracking().Where(u => u.Role == UserRole.PartnershipAdmin && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Sends what this request queued to the users who want a mail per event. Call after the SaveChanges that stored the event.</summary>
    public async Task DeliverAsync(CancellationToken cancellationToken = default)
    {
        var queued = _queued.Where(n => n.Id != 0 && n.Status == NotificationStatus.Pending).ToList();
        _queued.Clear();
        if (queued.Count == 0) return;

        var userIds = queued.Select(n => n.UserId).Distinct().ToList();
        var perEvent = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.NotificationMode == NotificationMode.PerEvent)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var baseUrl = BaseUrl();
        foreach (var group in queued.Where(n => perEvent.Contains(n.UserId)).GroupBy(n => n.UserId))
        {
            await SendAsync(group.Key, group.ToList(), baseUrl, digestDate: null, cancellationToken);
        }
    }

    /// <summary>
    /// Sends <paramref name="notifications"/> of one user: one mail each, or one digest mail for all. Marks them sent,
    /// or skipped when the user is inactive or no longer sees the school; leaves them pending when the mail fails.
    /// </summary>
    public async Task<int> SendAsync(string userId, IReadOnlyList<Notification> notifications, string? baseUrl, DateOnly? digestDate, CancellationToken cancellationToken)
    {
        var scope = (await CurrentUser.ScopesAsync(db, [userId], cancellationToken)).SingleOrDefault();
        var visible = new List<Notification>();
        foreach (var notification in notifications)
        {
            if (scope is null || scope.Email.Length == 0 || !await MaySeeAsync(scope, notification.SchoolId, cancellationToken))
            {
                await MarkAsync(notification.Id, NotificationStatus.Skipped, cancellationToken);
                continue;
            }

            visible.Add(notification);
        }

        if (visible.Count == 0 || scope is null) return 0;
        List<(EmailMessage Mail, IReadOnlyList<Notification> Items)> messages = digestDate is { } date
            ? [Digest(scope, visible, baseUrl, date)]
            : [.. visible.Select(n => (Single(scope, n, baseUrl), (IReadOnlyList<Notification>)[n]))];
        var sent = 0;
        foreach (var (mail, items) in messages)
        {
            try
            {
                await emailSender.SendAsync(mail, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left pending: the daily digest sends it again.
                logger.LogWarning(e, "Notification mail {Subject} to user {UserId} failed; it stays pending", mail.Subject, userId);
                continue;
            }

            foreach (var item in items) await MarkAsync(item.Id, NotificationStatus.Sent, cancellationToken);
            sent++;
        }

        return sent;
    }

    private async Task<bool> MaySeeAsync(UserScope user, int? schoolId, CancellationToken cancellationToken) =>
        schoolId is not { } id || await db.Schools.AsNoTracking().Where(s => s.Id == id).AnyAsync(AccessPolicy.InternalVisibility(user), cancellationToken);

    private Task<int> MarkAsync(long id, NotificationStatus status, CancellationToken cancellationToken)
    {
        var sentAt = status == NotificationStatus.Sent ? time.GetUtcNow() : (DateTimeOffset?)null;
        return db.Notifications.Where(n => n.Id == id)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, status).SetProperty(x => x.SentAt, sentAt), cancellationToken);
    }

    private string? BaseUrl() => urls.BaseUrl;

    private static string Link(string? baseUrl, string path) => baseUrl is null ? path : baseUrl + path;

    private static EmailMessage Single(UserScope user, Notification n, string? baseUrl) =>
        new(user.Email, n.Subject, $"""
            Beste {user.DisplayName},

            {n.Text}

            Bekijk het in de portal Basisondersteuning (na het inloggen): {Link(baseUrl, n.Path)}

            U krijgt deze e-mail omdat u per gebeurtenis een bericht wilt ontvangen. Liever één overzicht per dag? Dat stelt u in op {Link(baseUrl, "/account/meldingen")}.

            Met vriendelijke groet,
            Team Basisondersteuning van het samenwerkingsverband
            """);

    private static (EmailMessage Mail, IReadOnlyList<Notification> Items) Digest(UserScope user, List<Notification> items, string? baseUrl, DateOnly date)
    {
        var lines = string.Join("\n", items.OrderBy(n => n.CreatedAt).Select(n => $"- {n.Text}\n  {Link(baseUrl, n.Path)}"));
        var subject = items.Count == 1 ? $"Overzicht {DutchCalendar.Format(date)}: 1 melding" : $"Overzicht {DutchCalendar.Format(date)}: {items.Count} meldingen";
        return (new EmailMessage(user.Email, subject, $"""
            Beste {user.DisplayName},

            Dit gebeurde er sinds het vorige overzicht in de portal Basisondersteuning:

            {lines}

            U krijgt één overzicht per dag. Liever een e-mail per gebeurtenis? Dat stelt u in op {Link(baseUrl, "/account/meldingen")}.

            Met vriendelijke groet,
            Team Basisondersteuning van het samenwerkingsverband
            """), items);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
