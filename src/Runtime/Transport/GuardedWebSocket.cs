using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace CpWebSocket.Transport;

/// <summary>
/// Wraps the connected socket handed to <c>Websocket.Client</c>, to add what its receive loop lacks:
/// it remembers whether the last complete message was text or binary (the loop reports every frame as
/// binary once text conversion is off), refuses a message over the size limit while it arrives (the loop
/// would buffer it whole), writes at most one close frame, and tells when the peer's close frame was read.
/// </summary>
internal sealed class GuardedWebSocket : WebSocket
{
    private readonly WebSocket _inner;
    private readonly long _maxMessageSize;
    private readonly TimeSpan _closeTimeout;
    private readonly TaskCompletionSource _closeReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _messageBytes;
    private int _closeFrameClaimed;

    public GuardedWebSocket(WebSocket inner, long maxMessageSize, TimeSpan closeTimeout)
    {
        _inner = inner;
        _maxMessageSize = maxMessageSize;
        _closeTimeout = closeTimeout;
    }

    /// <summary>The frame type of the last complete message received.</summary>
    public WebSocketMessageKind LastMessageKind { get; private set; }

    /// <summary>Completes once the peer's close frame has been read (or the socket was aborted).</summary>
    public Task CloseReceived => _closeReceived.Task;

    public override WebSocketCloseStatus? CloseStatus => _inner.CloseStatus;

    public override string? CloseStatusDescription => _inner.CloseStatusDescription;

    /// <remarks>
    /// <c>Websocket.Client</c> stops reading once the state leaves <see cref="WebSocketState.Open"/>. After this side
    /// sent its close frame the peer may still send messages before its own close frame; reporting
    /// <see cref="WebSocketState.CloseSent"/> as open keeps that loop reading them (they are reported, not lost)
    /// until the peer's close frame arrives.
    /// </remarks>
    public override WebSocketState State => _inner.State is WebSocketState.CloseSent ? WebSocketState.Open : _inner.State;

    public override string? SubProtocol => _inner.SubProtocol;

    public override void Abort()
    {
        _inner.Abort();
        _closeReceived.TrySetResult();
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _closeFrameClaimed, 1);
        return _inner.CloseAsync(closeStatus, statusDescription, cancellationToken);
    }

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        // Both this library and Websocket.Client answer a peer's close frame, and Websocket.Client also answers the
        // one that answers ours: whoever comes first writes the only close frame.
        if (Interlocked.Exchange(ref _closeFrameClaimed, 1) != 0)
        {
            return Task.CompletedTask;
        }

        return _inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);
    }

    public override void Dispose()
    {
        _inner.Dispose();
        _closeReceived.TrySetResult();
    }

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        ReceiveAsync(buffer.AsMemory(), cancellationToken).AsTask().ContinueWith(
            static t => new WebSocketReceiveResult(t.Result.Count, t.Result.MessageType, t.Result.EndOfMessage),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    public override ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var pending = _inner.ReceiveAsync(buffer, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            var result = pending.Result;
            return IsOverLimit(result) ? RefuseAsync() : new ValueTask<ValueWebSocketReceiveResult>(result);
        }

        return InspectAsync(pending);
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    // Pooled: the receive loop awaits one of these for every message that is not already buffered, so a
    // plain async ValueTask would allocate a state machine box per message.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ValueWebSocketReceiveResult> InspectAsync(ValueTask<ValueWebSocketReceiveResult> pending)
    {
        var result = await pending.ConfigureAwait(false);
        return IsOverLimit(result) ? await RefuseAsync().ConfigureAwait(false) : result;
    }

    private async ValueTask<ValueWebSocketReceiveResult> RefuseAsync()
    {
        await RefuseOversizedMessageAsync().ConfigureAwait(false);
        throw new MessageTooLargeException(_maxMessageSize);
    }

    /// <summary>Counts the bytes of the message in progress; true once it exceeds the limit.</summary>
    private bool IsOverLimit(ValueWebSocketReceiveResult result)
    {
        if (result.MessageType == WebSocketMessageType.Close)
        {
            _closeReceived.TrySetResult();
            return false;
        }

        _messageBytes += result.Count;
        if (_messageBytes > _maxMessageSize)
        {
            return true;
        }

        if (result.EndOfMessage)
        {
            LastMessageKind = result.MessageType == WebSocketMessageType.Text ? WebSocketMessageKind.Text : WebSocketMessageKind.Binary;
            _messageBytes = 0;
        }

        return false;
    }

    /// <summary>
    /// Closes with 1009 and waits, within the close timeout, for the peer's close frame; the rest of the
    /// oversized message is read into a small scratch buffer and dropped, never accumulated.
    /// </summary>
    private async Task RefuseOversizedMessageAsync()
    {
        using var timeout = new CancellationTokenSource(_closeTimeout);
        try
        {
            await CloseOutputAsync(
                WebSocketCloseStatus.MessageTooBig,
                $"Message exceeds the {_maxMessageSize} byte limit.",
                timeout.Token).ConfigureAwait(false);

            var scratch = new byte[1024];
            while (_inner.State is WebSocketState.CloseSent)
            {
                var drained = await _inner.ReceiveAsync(scratch.AsMemory(), timeout.Token).ConfigureAwait(false);
                if (drained.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            _inner.Abort();
        }
    }
}
