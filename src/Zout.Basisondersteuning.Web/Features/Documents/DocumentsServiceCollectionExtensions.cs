using Zout.Basisondersteuning.Web.Data.Seeding;

namespace Zout.Basisondersteuning.Web.Features.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentDataLoader>();
        services.AddScoped<DocumentRenderer>();
        services.AddScoped<KeptDocuments>();
        services.AddScoped<ISupportProfilePublisher, SupportProfilePublisher>();
        services.AddSingleton<DemoPublishing>();
        services.AddScoped<BulkDownload.Writer>();
        // One runner per instance makes the queued bulk downloads in the background (persisted jobs, ADR 061).
        services.AddSingleton<BulkJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<BulkJobRunner>());
        return services;
    }
}
