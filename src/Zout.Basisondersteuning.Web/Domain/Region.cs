namespace Zout.Basisondersteuning.Web.Domain;

/// <summary>A region of the partnership: team passend onderwijs, wijk or kring.</summary>
public class Region : AuditableEntity
{
    public const int NameMaxLength = 100;

    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;

    public List<School> Schools { get; set; } = [];
}
