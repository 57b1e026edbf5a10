using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

/// <summary>
/// What a signed-in user is and for which board, school or regions they work. <see cref="RegionIds"/> holds only active
/// regions; a consultant sees all schools only with <see cref="AllRegions"/>.
/// </summary>
public sealed record UserScope(
    string UserId,
    string Email,
    string DisplayName,
    UserRole Role,
    int? BoardId,
    int? SchoolId,
    bool IsDirector,
    IReadOnlyList<int> RegionIds,
    bool AllRegions = false)
{
    public bool IsAdmin => Role == UserRole.PartnershipAdmin;
    public bool IsPartnershipStaff => Role.IsPartnershipStaff();
}
