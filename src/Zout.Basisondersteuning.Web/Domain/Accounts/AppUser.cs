using Microsoft.AspNetCore.Identity;

namespace Zout.Basisondersteuning.Web.Domain.Accounts;

/// <summary>
/// A staff account. Identity's user base class lives in Microsoft.Extensions.Identity.Stores, a plain
/// library without ASP.NET Core; the role and scope are ours.
/// </summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = "";
    public UserRole Role { get; set; }

    /// <summary>Set for board users: the one board they work for.</summary>
    public int? BoardId { get; set; }
    public Board? Board { get; set; }

    /// <summary>Set for school users: the one school they work for.</summary>
    public int? SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>A school user who is the school leader (directeur) and may adopt documents.</summary>
    public bool IsDirector { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>When the last invitation was sent; the link expires a fixed time after it. Null once the password is set.</summary>
    public DateTimeOffset? InvitationSentAt { get; set; }

    /// <summary>A mail per event (the default) or one daily digest: the user chooses on /account/meldingen.</summary>
    public Notifications.NotificationMode NotificationMode { get; set; }

    /// <summary>
    /// For consultants: sees every school of the partnership. An explicit choice: no regions is not "all regions", so
    /// deactivating a consultant's region never widens what they see.
    /// </summary>
    public bool AllRegions { get; set; }

    /// <summary>For consultants without <see cref="AllRegions"/>: the regions they work in (only active regions count).</summary>
    public List<Region> Regions { get; set; } = [];
}
