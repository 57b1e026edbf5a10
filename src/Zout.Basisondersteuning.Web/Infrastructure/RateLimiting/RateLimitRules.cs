namespace Zout.Basisondersteuning.Web.Infrastructure.RateLimiting;

/// <summary>Every limit of the portal, read from configuration in one place (docs/operations.md lists the keys).</summary>
public sealed record RateLimitRules(
    RateLimitRule LoginPerAddress,
    RateLimitRule LoginPerAccount,
    RateLimitRule PasswordResetPerAddress,
    RateLimitRule PasswordResetPerAccount,
    RateLimitRule InvitationPerAddress,
    RateLimitRule RescuedFormPerAddress,
    RateLimitRule RemindersPerSchool)
{
    public static RateLimitRules FromConfiguration(IConfiguration configuration)
    {
        var login = configuration.GetSection("Security:LoginRateLimit");
        var loginWindow = TimeSpan.FromMinutes(login.GetValue("WindowMinutes", 10));
        var reset = configuration.GetSection("Security:PasswordResetRateLimit");
        var resetWindow = TimeSpan.FromMinutes(reset.GetValue("WindowMinutes", 60));
        return new RateLimitRules(
            new RateLimitRule("login-ip", login.GetValue("PerAddress", 20), loginWindow),
            new RateLimitRule("login-acc", login.GetValue("PerAccount", 10), loginWindow),
            new RateLimitRule("reset-ip", reset.GetValue("PerAddress", 10), resetWindow),
            new RateLimitRule("reset-acc", reset.GetValue("PerAccount", 3), resetWindow),
            new RateLimitRule("invite-ip", configuration.GetValue("Security:InvitationRateLimit:PerAddress", 20),
                TimeSpan.FromMinutes(configuration.GetValue("Security:InvitationRateLimit:WindowMinutes", 10))),
            new RateLimitRule("rescue-ip", configuration.GetValue("Security:RescuedFormRateLimit:PerAddress", 30),
                TimeSpan.FromMinutes(configuration.GetValue("Security:RescuedFormRateLimit:WindowMinutes", 60))),
            new RateLimitRule("remind-school", configuration.GetValue("Reminders:PerSchoolPerDay", 1), TimeSpan.FromDays(1)));
    }
}

public static class RateLimitingSetup
{
    public static IServiceCollection AddSharedRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RateLimitRules.FromConfiguration(configuration));
        services.AddSingleton<SharedRateLimiter>();
        return services;
    }

    /// <summary>The address a limit counts: the connection's, which the forwarded-headers middleware set from a trusted proxy only.</summary>
    public static string ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
