namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>The PDF renderer (lazy: Chromium starts with the first document) and its health check.</summary>
    public static IServiceCollection AddPdfRendering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().Bind(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        services.AddSingleton<ViewRenderer>();
        services.AddHealthChecks().AddCheck<PdfRendererHealthCheck>("pdf-renderer");
        return services;
    }
}
