namespace Zout.Basisondersteuning.Web.Domain;

/// <summary>A school board (bevoegd gezag), identified by its DUO board number.</summary>
public class Board : AuditableEntity
{
    public const int BoardNumberMaxLength = 10;
    public const int NameMaxLength = 200;

    public required string BoardNumber { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;

    public List<School> Schools { get; set; } = [];
}
