using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

/// <summary>
/// Degraded (not unhealthy) without Chromium: the portal works, only PDFs cannot be made.
/// Does not start the browser, so the check stays cheap.
/// </summary>
public sealed class PdfRendererHealthCheck(ChromiumPdfRenderer renderer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!renderer.IsAvailable)
            return Task.FromResult(HealthCheckResult.Degraded("Chromium not found: PDF documents cannot be rendered (set Pdf:ChromiumPath or install chromium)."));
        if (renderer.LastFailure is { } failure)
            return Task.FromResult(HealthCheckResult.Degraded($"The last PDF rendering failed: {failure}"));
        return Task.FromResult(HealthCheckResult.Healthy($"Chromium at {renderer.ChromiumPath}"));
    }
}
