namespace Zout.Basisondersteuning.Web.Features.Administration;

/// <summary>Services and middleware of the partnership administration (issue 6), in one place.</summary>
public static class AdministrationSetup
{
    public static IServiceCollection AddPartnershipAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditLog.AuditLog>();
        return services;
    }

    /// <summary>Goes after UseRouting and before UseAuthentication.</summary>
    public static IApplicationBuilder UsePartnershipAdministration(this IApplicationBuilder app) => app;
}
