namespace Zout.Basisondersteuning.Web.Infrastructure;

/// <summary>The address used in links in mails: App:PublicBaseUrl, or the current request's host.</summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    public string BaseUrl(HttpRequest request)
    {
        var configured = configuration["App:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
    }
}
