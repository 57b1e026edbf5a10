using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// The in-process test server has no network peer: this puts the address of the test header <see cref="Header"/> on the
/// connection, before the portal's pipeline (and its forwarded-headers middleware) sees the request, as if the request
/// came from that address.
/// </summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer) && IPAddress.TryParse(peer.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}
