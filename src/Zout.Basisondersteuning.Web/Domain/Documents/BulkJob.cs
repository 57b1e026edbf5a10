namespace Zout.Basisondersteuning.Web.Domain.Documents;

public enum BulkJobStatus
{
    /// <summary>Waiting for a free runner.</summary>
    Queued = 1,

    /// <summary>Being made: <see cref="BulkJob.Completed"/> of <see cref="BulkJob.Total"/> schools done.</summary>
    Running = 2,

    /// <summary>The ZIP is ready to download until <see cref="BulkJob.ExpiresAt"/>.</summary>
    Done = 3,

    /// <summary>Stopped with a message; nothing to download.</summary>
    Failed = 4,
}

/// <summary>
/// A bulk download (documents of many schools as one ZIP) made in the background: the row keeps the request, the
/// progress and where the result is, so another instance or a restart goes on with it. The schools are the ones
/// the user could see when they asked (decided then, by the access policy). The ZIP stays a day in the data folder.
/// </summary>
public class BulkJob
{
    public const int SchoolIdsMaxLength = 4000;

    public int Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The user's id while the job is queued or running, else null: unique, so a user has one running job at most.</summary>
    public string? ActiveUserId { get; set; }

    public BulkJobStatus Status { get; set; }

    /// <summary>"sop" (the published SOPs) or a document slug.</summary>
    public string Document { get; set; } = "";

    public string Year { get; set; } = "";

    /// <summary>The ids of the schools, comma-separated, as decided when the job was asked for.</summary>
    public string SchoolIds { get; set; } = "";

    public int Total { get; set; }
    public int Completed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Written at every step of a running job: a running job without a recent one lost its runner and is queued again.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When the ZIP and this row are removed.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public string? FileName { get; set; }
    public long? FileSize { get; set; }

    /// <summary>For the user, in Dutch: why the job failed.</summary>
    public string? Message { get; set; }

    public IReadOnlyList<int> SchoolIdList() =>
        SchoolIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
