using System.Net.WebSockets;

namespace CpWebSocket.Transport;

/// <summary>
/// The socket handed to <c>Websocket.Client</c> by the connection factory. Its receive loop stops once the state leaves
/// <see cref="WebSocketState.Open"/>; after this side's close frame the peer may still send messages before its own close
/// frame, so <see cref="WebSocketState.CloseSent"/> reads as open and the loop goes on reading them (they are reported,
/// not lost). The close frames are the connection's: <c>Websocket.Client</c>'s own close calls (its answer to the
/// peer's close, which does not echo the peer's code) change nothing.
/// </summary>
internal sealed class KeepReadingWebSocket(WebSocket inner) : WebSocket
{
    /// <summary>The socket the connection writes and closes through.</summary>
    public WebSocket Inner { get; } = inner;

    public override WebSocketCloseStatus? CloseStatus => Inner.CloseStatus;

    public override string? CloseStatusDescription => Inner.CloseStatusDescription;

    public override WebSocketState State => Inner.State is WebSocketState.CloseSent ? WebSocketState.Open : Inner.State;

    public override string? SubProtocol => Inner.SubProtocol;

    public override void Abort() => Inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose() => Inner.Dispose();

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        Inner.ReceiveAsync(buffer, cancellationToken);

    public override ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Inner.ReceiveAsync(buffer, cancellationToken);

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        Inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        Inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
}
