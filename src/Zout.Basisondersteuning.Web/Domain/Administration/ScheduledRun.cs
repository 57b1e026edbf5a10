namespace Zout.Basisondersteuning.Web.Domain.Administration;

/// <summary>
/// A claim on one run of a scheduled job on one day. The unique index on (JobName, RunDate) makes sure
/// only one app instance runs it: the instance whose insert succeeds does the work.
/// </summary>
public class ScheduledRun
{
    public const int JobNameMaxLength = 100;

    public int Id { get; set; }
    public string JobName { get; set; } = "";
    public DateOnly RunDate { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public string? Instance { get; set; }
    public string? Result { get; set; }
}
