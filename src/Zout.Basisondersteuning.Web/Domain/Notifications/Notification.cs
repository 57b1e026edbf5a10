namespace Zout.Basisondersteuning.Web.Domain.Notifications;

/// <summary>How a user wants to hear about events: a mail per event, or one daily digest.</summary>
public enum NotificationMode
{
    PerEvent = 0,
    DailyDigest = 1,
}

public enum NotificationStatus
{
    /// <summary>Waiting: for the daily digest, or for a retry after a failed send.</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Not sent: the receiver is no longer active or may no longer see the school.</summary>
    Skipped = 2,
}

/// <summary>
/// One notification for one user: written in the same save as the event it tells about, sent at once (per event)
/// or in the daily digest. It holds only a short text and a link, never content the receiver may not see.
/// </summary>
public class Notification
{
    public const int SubjectMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const int PathMaxLength = 300;

    public long Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The school it is about: checked again when sending, so a user who lost access gets nothing.</summary>
    public int? SchoolId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The page it links to, e.g. /school/12AB00/gesprekken/3.</summary>
    public string Path { get; set; } = "";

    public NotificationStatus Status { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
