using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>
/// Identity's data-protection token provider with its own lifespan for invitation links. The token also
/// stops working once the password is set (the security stamp changes). The portal checks the expiry
/// itself too, against <see cref="AppUser.InvitationSentAt"/> and the app's TimeProvider.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider dataProtectionProvider, IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger) : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "invitation";
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(7);
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        // The provider's own check uses the wall clock; a day of slack so the portal's check (with TimeProvider) decides.
        TokenLifespan = InvitationTokenProvider.Lifespan + TimeSpan.FromDays(1);
    }
}
