using Zout.Basisondersteuning.Web.Data.Seeding;

namespace Zout.Basisondersteuning.Web.Features.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentDataLoader>();
        services.AddScoped<DocumentRenderer>();
        services.AddScoped<ISupportProfilePublisher, SupportProfilePublisher>();
        services.AddSingleton<DemoPublishing>();
        return services;
    }
}
