namespace Zout.Basisondersteuning.Web.Infrastructure;

/// <summary>The address used in links in mails: App:PublicBaseUrl, or the current request's host.</summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    /// <summary>The configured public address without a trailing slash, or null when none is set.</summary>
    public string? Configured => string.IsNullOrWhiteSpace(configuration["App:PublicBaseUrl"]) ? null : configuration["App:PublicBaseUrl"]!.TrimEnd('/');

    public string BaseUrl(HttpRequest request) => Configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
