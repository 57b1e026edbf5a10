namespace Zout.Basisondersteuning.Web.Domain.Team;

/// <summary>"Oren en ogen": a need a consultant noticed, for one or more schools, on a theme and where it fits in the framework.</summary>
public class NeedSignal : AuditableEntity
{
    public const int ThemeMaxLength = 150;
    public const int NoteMaxLength = 4000;

    public DateOnly Date { get; set; }
    public string Theme { get; set; } = "";
    public string? DomainKey { get; set; }
    public string? AspectKey { get; set; }
    public string Note { get; set; } = "";
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public List<School> Schools { get; set; } = [];
}
