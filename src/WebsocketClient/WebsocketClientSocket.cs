using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Websocket.Client;

namespace CpWebSocket.Transport;

/// <summary>
/// One connection of a <see cref="WebsocketClientTransport"/>, as the <see cref="WebSocket"/> the connection reads and
/// writes: reads come from the messages and disconnections <c>Websocket.Client</c>'s receive loop reports, in order;
/// writes and close frames go straight to the connected socket (the client's send queues are not used).
/// </summary>
internal sealed class WebsocketClientSocket : WebSocket
{
    private readonly IWebsocketClient _client;
    private readonly bool _closeThroughClient;
    private readonly Channel<Inbound> _inbound = Channel.CreateUnbounded<Inbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDisposable _messages;
    private readonly IDisposable _disconnections;
    private WebSocket? _native;
    private Inbound? _current;
    private int _offset;
    private volatile WebSocketState _state = WebSocketState.Open;
    private WebSocketCloseStatus? _closeStatus;
    private string? _closeDescription;

    /// <param name="client">The client whose receive loop feeds this socket.</param>
    /// <param name="closeThroughClient">Close with the client's <c>Stop</c> (a client CpWebSocket does not connect) rather than on the socket.</param>
    public WebsocketClientSocket(IWebsocketClient client, bool closeThroughClient)
    {
        _client = client;
        _closeThroughClient = closeThroughClient;
        _messages = client.MessageReceived.Subscribe(new Observer<ResponseMessage>(OnMessage));
        _disconnections = client.DisconnectionHappened.Subscribe(new Observer<DisconnectionInfo>(OnDisconnected));
    }

    public override WebSocketCloseStatus? CloseStatus => _closeStatus ?? Native?.CloseStatus;

    public override string? CloseStatusDescription => _closeDescription ?? Native?.CloseStatusDescription;

    public override WebSocketState State => _state;

    public override string? SubProtocol => Native?.SubProtocol;

    /// <summary>The connected socket writes and close frames go to (past the factory's wrapper, whose close calls are the client's).</summary>
    private WebSocket? Native => _native is KeepReadingWebSocket wrapped ? wrapped.Inner : _native;

    /// <summary>The client has connected through <paramref name="native"/>.</summary>
    public void Attach(WebSocket native) => _native = native;

    public override void Abort()
    {
        _state = WebSocketState.Aborted;
        Native?.Abort();
        _inbound.Writer.TryWrite(Inbound.Aborted);
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override async Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        if (_state is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            throw new WebSocketException(WebSocketError.InvalidState, $"No close frame can be sent in the state {_state}.");
        }

        _state = _state == WebSocketState.CloseReceived ? WebSocketState.Closed : WebSocketState.CloseSent;
        if (_closeThroughClient)
        {
            // The client's Stop writes the close frame and waits for the peer's; the connection's close timeout bounds it.
            await _client.Stop(closeStatus, statusDescription ?? string.Empty).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Native!.CloseOutputAsync(closeStatus, statusDescription, cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _messages.Dispose();
        _disconnections.Dispose();
        _inbound.Writer.TryWrite(Inbound.Aborted);
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return new WebSocketReceiveResult(result.Count, result.MessageType, result.EndOfMessage, CloseStatus, CloseStatusDescription);
    }

    public override ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_current is null && !_inbound.Reader.TryRead(out _current))
        {
            return ReceiveWhenAvailableAsync(buffer, cancellationToken);
        }

        return new ValueTask<ValueWebSocketReceiveResult>(Take(buffer.Span));
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer.AsMemory(), messageType, endOfMessage, cancellationToken).AsTask();

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        Native?.SendAsync(buffer, messageType, endOfMessage, cancellationToken)
            ?? ValueTask.FromException(new WebSocketException(WebSocketError.InvalidState, "Websocket.Client is not connected."));

    private async ValueTask<ValueWebSocketReceiveResult> ReceiveWhenAvailableAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _current = await _inbound.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return Take(buffer.Span);
    }

    /// <summary>The next part of the current message into <paramref name="buffer"/>, or the end of the connection.</summary>
    private ValueWebSocketReceiveResult Take(Span<byte> buffer)
    {
        var current = _current!;
        if (current.Data is not { } data)
        {
            return End(current);
        }

        var count = Math.Min(buffer.Length, data.Length - _offset);
        if (buffer.IsEmpty && data.Length > 0)
        {
            return new ValueWebSocketReceiveResult(0, current.Type, endOfMessage: false); // a zero-byte read: a message is there
        }

        data.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        var whole = _offset == data.Length;
        if (whole)
        {
            (_current, _offset) = (null, 0);
        }

        return new ValueWebSocketReceiveResult(count, current.Type, whole);
    }

    private ValueWebSocketReceiveResult End(Inbound end)
    {
        if (end.Disconnection is not { } info)
        {
            throw new OperationCanceledException(nameof(WebSocketState.Aborted)); // aborted by this side
        }

        switch (info.Type)
        {
            case DisconnectionType.ByServer:
                _closeStatus = info.CloseStatus ?? WebSocketCloseStatus.NormalClosure;
                _closeDescription = info.CloseStatusDescription;
                _state = _state == WebSocketState.CloseSent ? WebSocketState.Closed : WebSocketState.CloseReceived;
                return new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, endOfMessage: true);
            case DisconnectionType.ByUser or DisconnectionType.Exit when _state is WebSocketState.CloseSent or WebSocketState.Closed:
                _state = WebSocketState.Closed;
                return new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, endOfMessage: true);
            default:
                _state = WebSocketState.Aborted;
                throw info.Exception switch
                {
                    WebSocketException or OperationCanceledException => info.Exception,
                    { } cause => new WebSocketException(WebSocketError.ConnectionClosedPrematurely, cause.Message, cause),
                    null => new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"Websocket.Client reported the connection {info.Type}."),
                };
        }
    }

    /// <summary>Runs on <c>Websocket.Client</c>'s receive loop; never throws (an exception there would end the loop).</summary>
    private void OnMessage(ResponseMessage message)
    {
        try
        {
            var data = message.MessageType == WebSocketMessageType.Text && message.Text is { } text
                ? Encoding.UTF8.GetBytes(text)
                : message.Binary ?? ReadAll(message.Stream);
            _inbound.Writer.TryWrite(new Inbound(message.MessageType == WebSocketMessageType.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, data, null));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or EncoderFallbackException)
        {
            _inbound.Writer.TryWrite(new Inbound(default, null, DisconnectionInfo.Create(DisconnectionType.Lost, _native, ex)));
        }
    }

    private void OnDisconnected(DisconnectionInfo info) => _inbound.Writer.TryWrite(new Inbound(default, null, info));

    private static byte[] ReadAll(Stream? stream)
    {
        if (stream is null)
        {
            return [];
        }

        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>A message, or the end of the connection (a disconnection, or an abort by this side when both are null).</summary>
    private sealed record Inbound(WebSocketMessageType Type, byte[]? Data, DisconnectionInfo? Disconnection)
    {
        public static Inbound Aborted { get; } = new(default, null, null);
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => onNext(value);
    }
}
