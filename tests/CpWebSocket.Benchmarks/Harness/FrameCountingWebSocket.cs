using System.Net.WebSockets;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>Counts the websocket messages a client writes and reads, to show how many application messages each one carries.</summary>
public sealed class FrameCountingWebSocket(WebSocket inner) : WebSocket
{
    private long _sent;
    private long _received;

    public long MessagesSent => Interlocked.Read(ref _sent);

    public long MessagesReceived => Interlocked.Read(ref _received);

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => inner.Dispose();

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        CountReceived(result.EndOfMessage, result.MessageType);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        CountReceived(result.EndOfMessage, result.MessageType);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        CountSent(endOfMessage);
        return inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        CountSent(endOfMessage);
        return inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags, CancellationToken cancellationToken)
    {
        CountSent((messageFlags & WebSocketMessageFlags.EndOfMessage) != 0);
        return inner.SendAsync(buffer, messageType, messageFlags, cancellationToken);
    }

    private void CountSent(bool endOfMessage)
    {
        if (endOfMessage)
        {
            Interlocked.Increment(ref _sent);
        }
    }

    private void CountReceived(bool endOfMessage, WebSocketMessageType type)
    {
        if (endOfMessage && type != WebSocketMessageType.Close)
        {
            Interlocked.Increment(ref _received);
        }
    }
}
