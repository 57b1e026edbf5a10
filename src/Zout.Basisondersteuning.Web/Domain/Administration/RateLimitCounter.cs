namespace Zout.Basisondersteuning.Web.Domain.Administration;

/// <summary>
/// How often something was done in one fixed time window (log-in attempts from an address, reset mails to an account,
/// reminders to a school). Kept in the database so every app instance counts the same attempts.
/// </summary>
public class RateLimitCounter
{
    public const int KeyMaxLength = 120;

    /// <summary>Rule name, a hash of what is counted (address, e-mail address, school) and the window's number.</summary>
    public string Key { get; set; } = "";

    public int Count { get; set; }

    /// <summary>When the window ends; the row can be removed after it.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
