using System.Net.WebSockets;

namespace CpWebSocket;

/// <summary>How a connection closed, carried by the <see cref="WebSocketEvent.Closed"/> event.</summary>
/// <param name="Status">The close status of the handshake, or <see langword="null"/> when there was none (a failed connect, a lost connection).</param>
/// <param name="Description">The close reason of the handshake, if any.</param>
/// <param name="ByPeer">Whether the peer started the close (or dropped the connection).</param>
/// <param name="WillReconnect">Whether the reconnect policy will try to open the connection again.</param>
public readonly record struct WebSocketCloseInfo(WebSocketCloseStatus? Status, string? Description, bool ByPeer, bool WillReconnect);
