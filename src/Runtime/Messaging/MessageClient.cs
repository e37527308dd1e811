using System.ComponentModel;
using System.Runtime.CompilerServices;
using CpWebSocket.Diagnostics;

namespace CpWebSocket.Messaging;

/// <summary>
/// The base of typed websocket clients: one <see cref="HttpWebSocket"/> (<see cref="Connection"/>) whose whole
/// lifecycle and raw lane are available here, plus typed messages. Received text messages are routed by their
/// discriminator to the client's contracts; binary messages stay on the raw lane.
/// </summary>
/// <remarks>
/// <para>
/// Every event, typed or raw, is raised in arrival order, one at a time, never concurrently. A received message
/// first raises <see cref="MessageReceived"/>, then its typed event (or <see cref="Unhandled"/>); the next message
/// waits until the typed handlers have finished, async ones included.
/// </para>
/// <para>
/// A message that cannot be routed or deserialized, and an exception from a handler, raise <see cref="Error"/>
/// and are otherwise dropped: the connection stays open and the next message is delivered.
/// </para>
/// </remarks>
/// <example>
/// <code language="csharp">
/// [WebSocketClient]
/// [Sends(typeof(Say))]
/// [Receives(typeof(Said))]
/// public sealed partial class ChatClient;   // derives from MessageClient
///
/// await using var chat = new ChatClient(new Uri("ws://localhost:8000/chat"));
/// chat.SaidReceived += m => Console.WriteLine($"{m.From}: {m.Text}");
/// chat.Unhandled += raw => Console.WriteLine($"no contract for {raw.Discriminator}: {raw.GetText()}");
/// chat.Error += e => Console.WriteLine(e);
/// await chat.OpenAsync();
/// await chat.SendAsync(new Say("lobby", "hi"));
/// </code>
/// </example>
public abstract partial class MessageClient : IAsyncDisposable, IDisposable
{
    private readonly InboundRouter _router;
    private readonly CancellationTokenSource _disposing = new();
    private readonly CancellationToken _disposingToken;
    private int _disposed;

    /// <summary>Creates the client and its connection; nothing connects until <see cref="Open"/> or <see cref="OpenAsync"/>.</summary>
    /// <param name="url">The server's address, <c>ws://</c> or <c>wss://</c>.</param>
    /// <param name="options">Connection settings; <see langword="null"/> for the defaults.</param>
    /// <param name="router">Routes received messages to the client's contracts (see <see cref="MessageProtocol.CreateRouter"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute <c>ws://</c> or <c>wss://</c> address.</exception>
    protected MessageClient(Uri url, HttpWebSocketOptions? options, InboundRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        _router = router;
        _disposingToken = _disposing.Token;
        Connection = new HttpWebSocket(url, (WebSocketCallback?)null, options);
        Connection.MessageInterceptor = ReceiveAsync;
        Connection.Listener = this;
        Connection.ContractOf = ContractNameOf;
        Connection.Closed += FailPendingRequests;
    }

    /// <summary>The underlying connection.</summary>
    public HttpWebSocket Connection { get; }

    /// <summary>The server's address.</summary>
    public Uri Url => Connection.Url;

    /// <summary>The current status.</summary>
    public WebSocketStatus Status => Connection.Status;

    /// <summary>True only when the socket is open and the status is <see cref="WebSocketStatus.Open"/>.</summary>
    public bool IsOpen => Connection.IsOpen;

    /// <summary>The subprotocol the server accepted, once open.</summary>
    public string? SubProtocol => Connection.SubProtocol;

    /// <summary>
    /// The JSON side of the client's type, shared by all its instances: the envelope and the serializer settings its
    /// messages use. Code that speaks the client's protocol from the other side, such as a test server, reads it here.
    /// </summary>
    public MessageProtocol Protocol => _router.Protocol;

    /// <summary>The status became <see cref="WebSocketStatus.Opening"/>.</summary>
    public event Action? Opening
    {
        add => Connection.Opening += value;
        remove => Connection.Opening -= value;
    }

    /// <summary>The status became <see cref="WebSocketStatus.Open"/>.</summary>
    public event Action? Opened
    {
        add => Connection.Opened += value;
        remove => Connection.Opened -= value;
    }

    /// <summary>The status became <see cref="WebSocketStatus.Closing"/>: this side started the close handshake.</summary>
    public event Action? Closing
    {
        add => Connection.Closing += value;
        remove => Connection.Closing -= value;
    }

    /// <summary>The status became <see cref="WebSocketStatus.Closed"/>; the argument says how.</summary>
    public event Action<WebSocketCloseInfo>? Closed
    {
        add => Connection.Closed += value;
        remove => Connection.Closed -= value;
    }

    /// <summary>
    /// Something failed: the connection's errors (connect, send, lost connection...) and the message errors
    /// (<see cref="WebSocketErrorKind.InvalidJson"/>, <see cref="WebSocketErrorKind.MissingDiscriminator"/>,
    /// <see cref="WebSocketErrorKind.Deserialization"/>, and <see cref="WebSocketErrorKind.Callback"/> when a
    /// handler threw), in the one order of all events. Message errors carry the message in <see cref="WebSocketErrorInfo.RawText"/>.
    /// </summary>
    public event Action<WebSocketErrorInfo>? Error
    {
        add => Connection.Error += value;
        remove => Connection.Error -= value;
    }

    /// <summary>
    /// Any message arrived, text or binary, routed or not: the raw lane. Its bytes are valid only during the handler.
    /// </summary>
    public event Action<WebSocketMessage>? MessageReceived
    {
        add => Connection.MessageReceived += value;
        remove => Connection.MessageReceived -= value;
    }

    /// <summary>
    /// A well-formed JSON message arrived that none of the client's received contracts matches: its discriminator names
    /// none, or its first level is routed and its second level names none (<see cref="UnhandledMessage.SecondDiscriminator"/>),
    /// or it has no discriminator but carries a request id no request waits for, as a response that came too late
    /// (<see cref="UnhandledMessage.RequestId"/>). Its bytes are valid only during the handler.
    /// </summary>
    public event Action<UnhandledMessage>? Unhandled;

    /// <summary>Starts connecting and returns at once (see <see cref="HttpWebSocket.Open"/>).</summary>
    /// <returns>The status after the call.</returns>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public WebSocketStatus Open() => Connection.Open();

    /// <summary>Opens the connection and completes when it is open (see <see cref="HttpWebSocket.OpenAsync"/>).</summary>
    /// <param name="cancellationToken">Stops the wait (the connect goes on; call <see cref="Close"/> to stop it).</param>
    /// <returns>A task that completes when the status is <see cref="WebSocketStatus.Open"/>.</returns>
    /// <exception cref="WebSocketConnectException">The connect failed; the message says why.</exception>
    public Task OpenAsync(CancellationToken cancellationToken = default) => Connection.OpenAsync(cancellationToken);

    /// <summary>Starts closing and returns at once (see <see cref="HttpWebSocket.Close"/>).</summary>
    /// <returns>This client.</returns>
    public MessageClient Close()
    {
        Connection.Close();
        return this;
    }

    /// <summary>Closes the connection and completes when the status is <see cref="WebSocketStatus.Closed"/>.</summary>
    /// <param name="cancellationToken">Stops the wait (the close goes on).</param>
    /// <returns>A task that completes when the connection is closed.</returns>
    public Task CloseAsync(CancellationToken cancellationToken = default) => Connection.CloseAsync(cancellationToken);

    /// <summary>Raw lane: queues a message and returns at once (see <see cref="HttpWebSocket.Send(string, bool)"/>).</summary>
    /// <param name="message">The message; sent as UTF-8.</param>
    /// <param name="isData"><see langword="true"/> (the default, as in the seed) for a binary frame; <see langword="false"/> for a text frame.</param>
    /// <returns>This client.</returns>
    public MessageClient Send(string message, bool isData = true)
    {
        Connection.Send(message, isData);
        return this;
    }

    /// <summary>Raw lane: copies and queues bytes and returns at once (see <see cref="HttpWebSocket.Send(ReadOnlyMemory{byte}, bool)"/>).</summary>
    /// <param name="message">The bytes to send.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame.</param>
    /// <returns>This client.</returns>
    public MessageClient Send(ReadOnlyMemory<byte> message, bool isData = true)
    {
        Connection.Send(message, isData);
        return this;
    }

    /// <summary>Raw lane: sends a message and completes when it has been written.</summary>
    /// <param name="message">The message; sent as UTF-8.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn.</param>
    /// <returns>A task that completes when the frame has been written.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    public ValueTask SendAsync(string message, bool isData = true, CancellationToken cancellationToken = default) =>
        Connection.SendAsync(message, isData, cancellationToken);

    /// <summary>Raw lane: sends bytes and completes when they have been written.</summary>
    /// <param name="message">The bytes to send; keep them unchanged until the task completes.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn.</param>
    /// <returns>A task that completes when the frame has been written.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, bool isData = true, CancellationToken cancellationToken = default) =>
        Connection.SendAsync(message, isData, cancellationToken);

    /// <summary>
    /// Closes the connection (waiting at most <see cref="HttpWebSocketOptions.CloseTimeout"/> for the peer) and
    /// cancels the token handed to message handlers.
    /// </summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts closing without waiting and cancels the token handed to message handlers. Prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Serializes <paramref name="message"/> in its envelope, straight into a pooled buffer, and sends it as one
    /// text frame. Called by the typed <c>SendAsync</c> methods of generated clients.
    /// </summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="contract">The contract of <typeparamref name="T"/> (see <see cref="MessageProtocol.Outbound{T}"/>).</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn; a write that has started is finished.</param>
    /// <returns>A task that completes when the frame has been written.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    /// <exception cref="InvalidOperationException">A flat message did not serialize as a JSON object.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ValueTask SendMessageAsync<T>(T message, OutboundContract<T> contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.IsNull(message))
        {
            return ValueTask.FromException(new ArgumentNullException(nameof(message)));
        }

        return SendEncodedAsync(message, contract, OutboundContract<T>.NoRequestId, cancellationToken);
    }

    /// <summary>Encodes <paramref name="message"/> (with <paramref name="requestId"/>, for a request) into a pooled buffer and sends it.</summary>
    private ValueTask SendEncodedAsync<T>(T message, OutboundContract<T> contract, long requestId, CancellationToken cancellationToken)
    {
        var pool = contract.Protocol.EncodeBuffers;
        var buffer = pool.Rent();
        ValueTask sending;
        try
        {
            contract.Encode(message, buffer, requestId);
            sending = Connection.SendUtf8TextAsync(buffer.WrittenMemory, ContractName<T>.Value, cancellationToken);
        }
        catch (Exception ex)
        {
            pool.Return(buffer);
            return ValueTask.FromException(ex);
        }

        if (sending.IsCompleted)
        {
            pool.Return(buffer);
            return sending;
        }

        return ReturnAfterAsync(sending, pool, buffer);
    }

    /// <summary>Releases the connection; override to release what a derived client holds.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>; <see langword="false"/> after <see cref="DisposeAsyncCore"/> has run.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposing.Cancel();
        _requests.FailAll(RequestDisposed);
        _waits.FailAll();
        Connection.Dispose();
        _disposing.Dispose();
    }

    /// <summary>Closes the connection asynchronously; override to release what a derived client holds asynchronously.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
        _requests.FailAll(RequestDisposed);
        _waits.FailAll();
        _disposing.Dispose();
    }

    /// <summary>
    /// The connection's message interceptor: routes one received message, or each element of a JSON array frame in
    /// order. Runs after the raw callbacks, one message at a time; the next waits for the returned task. Message errors
    /// go through <see cref="HttpWebSocket.ReportError"/> so they take their place in the same serial order as every
    /// other event.
    /// </summary>
    internal ValueTask ReceiveAsync(WebSocketMessage message)
    {
        if (!message.IsText)
        {
            return default; // binary frames belong to the raw lane
        }

        return MessageBatch.IsArray(message.Data.Span) ? ReceiveBatchAsync(message.Data) : ReceiveOneAsync(message.Data);
    }

    /// <summary>
    /// The name of the contract a text message would be delivered to, for the metrics' contract tag: the arrival pass,
    /// identifying only, made while something listens to the message sizes.
    /// </summary>
    private string? ContractNameOf(ReadOnlyMemory<byte> data)
    {
        _router.MatchOnArrival(this, data.Span, answerRequests: false, identify: true, out var contract, out _, out _);
        return contract?.Name;
    }

    /// <summary>Routes one JSON message (a whole frame, or one element of an array frame).</summary>
    private ValueTask ReceiveOneAsync(ReadOnlyMemory<byte> data)
    {
        var outcome = _router.Route(this, data, _disposingToken);
        switch (outcome.Kind)
        {
            case InboundOutcomeKind.Handled:
                var handling = outcome.Handling;
                if (!handling.IsCompletedSuccessfully)
                {
                    return ObserveHandlerAsync(handling, outcome.Contract!, data);
                }

                handling.GetAwaiter().GetResult();
                return default;
            case InboundOutcomeKind.Unhandled:
                var unhandled = outcome.UnhandledInfo;
                RaiseUnhandled(new UnhandledMessage(unhandled.Discriminator, unhandled.Second, unhandled.RequestId, data));
                return default;
            case InboundOutcomeKind.Response:
                return default; // it belonged to the request that waited for it
            default:
                Connection.ReportError(outcome.Error!);
                return default;
        }
    }

    /// <summary>
    /// Routes the elements of an array frame one after another, each waiting for the handlers of the one before. A
    /// frame that is not valid JSON is one error; an element that fails is one error, and the others are delivered.
    /// </summary>
    private ValueTask ReceiveBatchAsync(ReadOnlyMemory<byte> frame)
    {
        var batch = MessageBatch.Read(frame, _router.Protocol.ReaderOptions, out var error);
        if (batch is null)
        {
            Connection.ReportError(MessageErrors.InvalidJson(error!, frame.Span));
            return default;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var pending = ReceiveOneAsync(batch[i]);
            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueBatchAsync(pending, batch, i + 1);
            }

            pending.GetAwaiter().GetResult();
        }

        batch.Dispose();
        return default;
    }

    private async ValueTask ContinueBatchAsync(ValueTask pending, MessageBatch batch, int next)
    {
        using (batch)
        {
            await pending.ConfigureAwait(false);
            for (var i = next; i < batch.Count; i++)
            {
                await ReceiveOneAsync(batch[i]).ConfigureAwait(false);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask ReturnAfterAsync(ValueTask sending, EncodeBufferPool pool, EncodeBuffer buffer)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ObserveHandlerAsync(ValueTask handling, InboundContract contract, ReadOnlyMemory<byte> message)
    {
        try
        {
            await handling.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposingToken.IsCancellationRequested)
        {
            // The client is being disposed: a handler that stops for it did nothing wrong.
        }
        catch (WebSocketEnvelopeException ex)
        {
            Connection.ReportError(MessageErrors.EnvelopeFailed(contract, ex, message.Span));
        }
        catch (Exception ex)
        {
            // The message's bytes are still valid: the connection keeps them until this task completes.
            Connection.ReportError(MessageErrors.HandlerFailed(contract, ex, message.Span));
        }
    }

    private void RaiseUnhandled(UnhandledMessage message)
    {
        try
        {
            Unhandled?.Invoke(message);
        }
        catch (Exception ex)
        {
            Connection.ReportError(MessageErrors.UnhandledHandlerFailed(ex, message.Data.Span));
        }
    }
}
