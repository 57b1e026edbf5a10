namespace Zout.Basisondersteuning.Web.Domain.Team;

/// <summary>A gezamenlijke scholing the partnership proposes for a need many schools share; invited schools register interest.</summary>
public class JointTraining : AuditableEntity
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int LocationMaxLength = 200;
    public const int ThemeMaxLength = 150;

    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Location { get; set; }

    /// <summary>The need it answers: a theme, or a domain and aspect.</summary>
    public string Theme { get; set; } = "";
    public string? DomainKey { get; set; }
    public string? AspectKey { get; set; }

    public DateOnly FirstDate { get; set; }
    public DateOnly? SecondDate { get; set; }
    public DateOnly? ThirdDate { get; set; }

    public List<JointTrainingInvitation> Invitations { get; set; } = [];

    public IEnumerable<DateOnly> Dates => new[] { (DateOnly?)FirstDate, SecondDate, ThirdDate }.Where(d => d is not null).Select(d => d!.Value);
}

/// <summary>One invited school and its answer: interested (with how many people) or not.</summary>
public class JointTrainingInvitation
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int JointTrainingId { get; set; }
    public JointTraining JointTraining { get; set; } = null!;
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    public DateTimeOffset InvitedAt { get; set; }

    /// <summary>Null until the school answers.</summary>
    public bool? Interested { get; set; }
    public int? Participants { get; set; }
    public string? Note { get; set; }
    public string? RespondedByName { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public int Version { get; set; }
}
