using System.Net.WebSockets;

namespace CpWebSocket;

/// <summary>How a connection closed, carried by the <see cref="WebSocketEvent.Closed"/> event.</summary>
/// <param name="Status">
/// The close status of the peer's close frame (its own close, or its answer to this side's); when this side failed the
/// connection (a protocol error 1002, text that was not UTF-8 1007, a message too large 1009) and no answer came, the
/// status this side sent; <see langword="null"/> when there was none (a failed connect, a lost connection, a close the
/// peer never answered).
/// </param>
/// <param name="Description">The close reason of the peer's close frame, if any.</param>
/// <param name="ByPeer">Whether the peer started the close (its close frame came first, or it dropped the connection); <see langword="false"/> when this side did, by <see cref="HttpWebSocket.Close"/>, dispose, or failing the connection.</param>
/// <param name="WillReconnect">Whether the reconnect policy will try to open the connection again.</param>
public readonly record struct WebSocketCloseInfo(WebSocketCloseStatus? Status, string? Description, bool ByPeer, bool WillReconnect);
