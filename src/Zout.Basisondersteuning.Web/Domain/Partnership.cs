namespace Zout.Basisondersteuning.Web.Domain;

/// <summary>The samenwerkingsverband passend onderwijs. One per deployment.</summary>
public class Partnership : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 50;

    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
}
