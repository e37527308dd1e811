using System.Net.Http;

namespace CpWebSocket.Transport.Sockets;

/// <summary>
/// Chooses the <see cref="HttpMessageInvoker"/> that sends an opening handshake: the app's own when it gave one; one
/// shared by every connection whose options need nothing special (an upgraded connection leaves the handler's pool, so
/// sharing costs nothing per connection); otherwise a handler made for this handshake and disposed after it, which leaves
/// the upgraded connection open.
/// </summary>
internal static class HandshakeInvokers
{
    private static readonly Lazy<HttpMessageInvoker> Shared = new(() => new HttpMessageInvoker(CreateHandler(), disposeHandler: true));

    /// <summary>The invoker for <paramref name="context"/>, and whether the caller must dispose it after the handshake.</summary>
    public static (HttpMessageInvoker Invoker, bool Owned) For(WebSocketConnectContext context)
    {
        if (context.HttpMessageInvoker is { } own)
        {
            return (own, false);
        }

        if (context.Proxy is null
            && context.Cookies is null
            && context.RemoteCertificateValidationCallback is null
            && context.ClientCertificates is not { Count: > 0 })
        {
            return (Shared.Value, false);
        }

        var handler = CreateHandler();
        if (context.Proxy is { } proxy)
        {
            handler.Proxy = proxy;
        }

        if (context.Cookies is { } cookies)
        {
            handler.UseCookies = true;
            handler.CookieContainer = cookies;
        }

        if (context.RemoteCertificateValidationCallback is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }

        if (context.ClientCertificates is { Count: > 0 } certificates)
        {
            handler.SslOptions.ClientCertificates = certificates;
        }

        return (new HttpMessageInvoker(handler, disposeHandler: true), true);
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = true, // the system's proxy unless the context names one, as ClientWebSocket does
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,

        // A handshake never reuses a connection: an upgraded one leaves the pool anyway, and one a server refused (its
        // HTTP answer read) would otherwise wait there for the next attempt, which is no reuse worth having (the next
        // handshake is a reconnect, usually after a delay) and, on .NET 8, a reset of that idle connection surfaced as
        // an unobserved task exception from the pool's own read-ahead.
        PooledConnectionLifetime = TimeSpan.Zero,
    };
}
