using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Zout.Basisondersteuning.Web.Infrastructure.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the configured reverse proxies
/// (<c>ForwardedHeaders:KnownProxies</c>, addresses; <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges) and from the
/// machine itself (loopback). From any other address the headers are ignored, so nobody can pick the address that the
/// log-in limit counts or the audit log records.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "ForwardedHeaders:KnownProxies")
            .Select(p => IPAddress.TryParse(p, out var address) ? address : throw Invalid("KnownProxies", p, "an IP address")).ToList();
        var networks = Values(configuration, "ForwardedHeaders:KnownNetworks")
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network : throw Invalid("KnownNetworks", n, "a network such as 172.20.0.0/16")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (127.0.0.0/8 and ::1) stay: a proxy on the same machine is trusted.
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>A list from configuration: an array (KnownProxies:0, KnownProxies:1) or one value separated by ';' or ','.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static InvalidOperationException Invalid(string name, string value, string what) =>
        new($"ForwardedHeaders:{name} has '{value}', which is not {what}.");
}
