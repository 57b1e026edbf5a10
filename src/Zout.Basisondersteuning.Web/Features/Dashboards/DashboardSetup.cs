namespace Zout.Basisondersteuning.Web.Features.Dashboards;

public static class DashboardSetup
{
    /// <summary>The dashboards' services; the use-case handlers are registered with all the others.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<ScanSummaryCache>();
        services.AddSingleton<SchoolDirectory>();
        services.AddScoped<DashboardData>();
        services.AddScoped<DashboardHandoutPdf>();
        return services;
    }
}
