using System.Net.Http;
using System.Net.WebSockets;

namespace CpWebSocket.Transport.Sockets;

/// <summary>
/// The default transport, over <see cref="System.Net.WebSockets"/>: it sends the HTTP/1.1 opening handshake through a
/// <see cref="SocketsHttpHandler"/> (or the app's <see cref="WebSocketConnectContext.HttpMessageInvoker"/>), checks the
/// answer (RFC 6455 §4.1: an extension or a subprotocol that was not offered fails the open), and runs the websocket
/// over a stream of its own between the two, which refuses an oversized message as soon as its frame header arrives and
/// coalesces the frames written during a burst into one socket write.
/// </summary>
/// <remarks>
/// Honours every setting of <see cref="WebSocketConnectContext"/>: headers, subprotocols, proxy, client certificates,
/// cookies, certificate validation, permessage-deflate, keep-alive (its timeout on .NET 9 and later) and the size limit.
/// </remarks>
public sealed class SocketsWebSocketTransport : WebSocketTransport
{
    /// <summary>The instance used when <see cref="HttpWebSocketOptions.Transport"/> is <see langword="null"/>.</summary>
    public static SocketsWebSocketTransport Default { get; } = new();

    /// <inheritdoc />
    public override async ValueTask<WebSocket> ConnectAsync(WebSocketConnectContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (invoker, owned) = HandshakeInvokers.For(context);
        HttpResponseMessage? response = null;
        try
        {
            using var request = WebSocketHandshake.CreateRequest(context, out var expectedAccept);
            response = await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var (subProtocol, deflate) = WebSocketHandshake.Validate(response, context, expectedAccept);

            var signals = new TransportSignals();
            var wire = new WireStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), context.MaxMessageSize, signals);
            var socket = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions
            {
                IsServer = false,
                SubProtocol = subProtocol,
                KeepAliveInterval = context.KeepAliveInterval,
#if NET9_0_OR_GREATER
                KeepAliveTimeout = context.KeepAliveTimeout,
#endif
                DangerousDeflateOptions = deflate,
            });
            signals.OfferBufferedMessages(socket, wire);
            context.Signals = signals;
            response = null; // the socket owns the connection now; disposing the response would close it
            return socket;
        }
        finally
        {
            response?.Dispose();
            if (owned)
            {
                invoker.Dispose(); // the upgraded connection has left the handler's pool and stays open
            }
        }
    }
}
