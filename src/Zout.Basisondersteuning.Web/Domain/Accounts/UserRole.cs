namespace Zout.Basisondersteuning.Web.Domain.Accounts;

public enum UserRole
{
    /// <summary>Beheerder of the partnership.</summary>
    PartnershipAdmin = 1,

    /// <summary>Consultant of the partnership (team basisondersteuning, ondersteuner passend onderwijs).</summary>
    Consultant = 2,

    /// <summary>Staff of one school board (bestuursbureau).</summary>
    BoardUser = 3,

    /// <summary>Staff of one school: IB-er, directeur.</summary>
    SchoolUser = 4,
}

public static class UserRoleNames
{
    public static string ToDutch(this UserRole role) => role switch
    {
        UserRole.PartnershipAdmin => "Beheerder samenwerkingsverband",
        UserRole.Consultant => "Consultant samenwerkingsverband",
        UserRole.BoardUser => "Medewerker schoolbestuur",
        UserRole.SchoolUser => "Medewerker school",
        _ => role.ToString(),
    };

    public static bool IsPartnershipStaff(this UserRole role) =>
        role is UserRole.PartnershipAdmin or UserRole.Consultant;
}
