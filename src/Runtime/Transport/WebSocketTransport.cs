using System.Net.WebSockets;

namespace CpWebSocket.Transport;

/// <summary>
/// Opens the connections of an <see cref="HttpWebSocket"/>: one call per attempt, each returning a connected
/// <see cref="WebSocket"/>. Everything that must behave the same whatever the socket library (the receive loop, the size
/// limit, the ordered send lane, the close handshake and its timeout, events) belongs to the connection, not to the
/// transport. Choose one with <see cref="HttpWebSocketOptions.Transport"/>; <see langword="null"/> selects
/// <see cref="Sockets.SocketsWebSocketTransport"/>.
/// </summary>
/// <remarks>
/// The connection owns the returned socket: it reads it from one receive loop (<c>ReceiveAsync</c>, including zero-byte
/// reads that wait for data), writes one frame at a time (<c>SendAsync</c>, <c>CloseOutputAsync</c>), and aborts and
/// disposes it when the attempt ends. A transport may refuse an oversized message before the connection would (with
/// close status 1009); the connection enforces <see cref="WebSocketConnectContext.MaxMessageSize"/> in any case.
/// </remarks>
public abstract class WebSocketTransport
{
    /// <summary>Opens one connection: the opening handshake done, the socket in <see cref="WebSocketState.Open"/>.</summary>
    /// <param name="context">What to connect to and how, for this attempt.</param>
    /// <param name="cancellationToken">Cancelled when the attempt is abandoned or takes longer than the connect timeout.</param>
    /// <returns>The connected socket, now owned by the caller.</returns>
    public abstract ValueTask<WebSocket> ConnectAsync(WebSocketConnectContext context, CancellationToken cancellationToken);
}
