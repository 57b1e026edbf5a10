using Zout.Basisondersteuning.Web.Infrastructure.Notifications;

namespace Zout.Basisondersteuning.Web.Features.Phases;

/// <summary>The services of Team Basisondersteuning (issue 11) that are not use-case handlers, in one place.</summary>
public static class TeamSetup
{
    public static IServiceCollection AddTeamBasisondersteuning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotifications(configuration);
        services.AddScoped<PhaseQueries>();
        services.AddScoped<Conversations.ConversationReport.Loader>();
        return services;
    }
}
