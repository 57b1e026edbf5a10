using Microsoft.AspNetCore.HostFiltering;

namespace Zout.Basisondersteuning.Web.Infrastructure;

/// <summary>
/// The portal's public address, the one place links in mails come from (password reset, invitation, reminders).
/// Never the request's Host header: a forged Host would otherwise put an attacker's address in a genuine mail.
/// <c>App:PublicBaseUrl</c> is required outside Development (the app refuses to start without it); in Development it
/// defaults to the launch address. The allowed host names (<c>AllowedHosts</c>) follow from it unless set explicitly.
/// </summary>
public sealed class PublicUrls
{
    public const string SettingKey = "App:PublicBaseUrl";

    /// <summary>The launch address of Properties/launchSettings.json, used in Development when nothing else is known.</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    /// <summary>Loopback names stay allowed, so a health check on the machine itself (docker's HEALTHCHECK) is answered.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public PublicUrls(Uri baseUri)
    {
        BaseUri = baseUri;
        BaseUrl = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The public address without a trailing slash, e.g. https://basisondersteuning.swv.nl.</summary>
    public string BaseUrl { get; }

    public Uri BaseUri { get; }

    /// <summary>An absolute link to a path of the portal: <c>Link("/account/inloggen")</c>.</summary>
    public string Link(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Reads and checks App:PublicBaseUrl; throws with a clear message when it is missing outside Development or not an address.</summary>
    public static PublicUrls FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[SettingKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"{SettingKey} is not set. Outside Development the portal needs its public address (for example https://basisondersteuning.swv.nl): " +
                    "links in mails use it and only its host name is accepted. Set it in appsettings.json or as the environment variable App__PublicBaseUrl " +
                    "(see docs/operations.md).");
            }

            configured = LaunchAddress(configuration["urls"]) ?? DevelopmentDefault;
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"{SettingKey} must be an absolute http or https address without query, such as https://basisondersteuning.swv.nl; it is '{configured}'.");
        }

        return new PublicUrls(uri);
    }

    /// <summary>
    /// The host names the portal answers: AllowedHosts when it is configured (a ';'-separated list, '*' for any), otherwise
    /// the public address's host plus the loopback names.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts(IConfiguration configuration)
    {
        var configured = configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return [BaseUri.IdnHost, .. LoopbackHosts.Where(h => !string.Equals(h, BaseUri.IdnHost, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>The first address Kestrel was told to listen on (ASPNETCORE_URLS, which `dotnet run` sets from the launch profile), with a wildcard host as localhost.</summary>
    private static string? LaunchAddress(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return null;
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return first;
    }
}

/// <summary>Registers <see cref="PublicUrls"/> and restricts the host filter to its host.</summary>
public static class PublicUrlsSetup
{
    public static IServiceCollection AddPublicUrls(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var urls = PublicUrls.FromConfiguration(configuration, environment);
        services.AddSingleton(urls);
        // Runs after the web host's own PostConfigure, which fills AllowedHosts from configuration or '*'.
        services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = urls.AllowedHosts(configuration).ToList());
        return services;
    }
}
