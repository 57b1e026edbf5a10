namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>The PDF renderer (Chromium warmed up in the background at start-up, documents cached by content) and its health check.</summary>
    public static IServiceCollection AddPdfRendering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().Bind(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<CachingPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<CachingPdfRenderer>());
        if (configuration.GetValue($"{PdfOptions.Section}:{nameof(PdfOptions.WarmUpAtStart)}", defaultValue: true)) services.AddHostedService<PdfWarmUp>();
        services.AddSingleton<ViewRenderer>();
        services.AddHealthChecks().AddCheck<PdfRendererHealthCheck>("pdf-renderer");
        return services;
    }
}
