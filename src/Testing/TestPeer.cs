using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CpWebSocket.Messaging;
using CpWebSocket.Testing.Answers;
using CpWebSocket.Testing.Transport;
using CpWebSocket.Testing.Wire;
using CpWebSocket.Transport;

namespace CpWebSocket.Testing;

/// <summary>
/// The server's end of one connection of an <see cref="InMemoryServer{TClient}"/>, speaking the client's contracts:
/// what the client receives, the test sends; what the client sends, the test receives and checks, typed. It also sends
/// raw text, binary, fragmented and malformed frames, closes with a code, drops the connection, and keeps everything
/// exchanged in order (<see cref="Exchanged"/>).
/// </summary>
/// <remarks>
/// <para>
/// Everything the client sends is read as it arrives, so its pings and close frame are answered at once; its messages
/// wait, in order, for the test's <c>Receive...</c> calls (those an <see cref="InMemoryServer{TClient}.Answer{TRequest, TResponse}(Func{TRequest, TResponse})"/>
/// rule takes are answered instead). Each <c>Receive...</c> takes the next message and fails with a
/// <see cref="PeerAssertionException"/> when it is not the one expected, when none comes within
/// <see cref="InMemoryServerOptions.WaitTimeout"/>, or when the connection ends first.
/// </para>
/// <para>
/// A <c>Send...</c> completes when the frame is written to the connection, not when the client has handled it: a test
/// learns that from what the client does next (a message it sends, a task of its own).
/// </para>
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "The cancellation sources and the send lock hold no timer nor wait handle, and the peer is read after its connection has ended.")]
public sealed class TestPeer
{
    private const int RecentFrames = 8;

    private readonly InMemoryConnection _connection;
    private readonly InMemoryServerOptions _options;
    private readonly PeerAnswers _answers;
    private readonly string _name;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<PeerFrame> _exchanged = [];
    private readonly Channel<PeerFrame> _inbox = Channel.CreateUnbounded<PeerFrame>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _ending = new();
    private readonly CancellationTokenSource _faulted = new();
    private string? _end;
    private Exception? _fault;

    internal TestPeer(InMemoryConnection connection, PeerCodec codec, InMemoryServerOptions options, PeerAnswers answers, string clientName)
    {
        _connection = connection;
        Codec = codec;
        _options = options;
        _answers = answers;
        _name = $"Peer #{connection.Number} of {clientName}";
        Ending = _ending.Token;
    }

    /// <summary>1 for the server's first connection, 2 for the next (a reconnect, or another client), and so on.</summary>
    public int Number => _connection.Number;

    /// <summary>The client's attempt: its address, headers, subprotocols and attempt number (0 for an open, from 1 for reconnects).</summary>
    public WebSocketConnectContext Context => _connection.Context;

    /// <summary>Whether the connection is still open: no close handshake ended, and no drop.</summary>
    public bool IsConnected => Volatile.Read(ref _end) is null;

    /// <summary>Everything exchanged on the connection so far, both ways, in order: messages, close frames, raw bytes.</summary>
    public IReadOnlyList<PeerFrame> Exchanged
    {
        get
        {
            lock (_exchanged)
            {
                return [.. _exchanged];
            }
        }
    }

    /// <summary>The client's protocol, from the server's side.</summary>
    internal PeerCodec Codec { get; }

    /// <summary>Cancelled when the connection has ended.</summary>
    internal CancellationToken Ending { get; }

    /// <summary>Sends <paramref name="message"/> to the client, laid out as the client's envelope lays out its <c>[Message]</c>.</summary>
    /// <typeparam name="T">A contract the client receives (or any type with a <c>[Message]</c>: one the client does not know reaches its <c>Unhandled</c>).</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the message is written to the connection.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no <c>[Message]</c>, or is received by a pattern (use the overload with <see cref="PeerSendOptions.SecondDiscriminator"/>).</exception>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task SendAsync<T>(T message, CancellationToken cancellationToken = default) => SendAsync(message, null, cancellationToken);

    /// <summary>Sends <paramref name="message"/> to the client with a second-level value or members beside its payload.</summary>
    /// <typeparam name="T">A contract the client receives.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="options">The second-level value (for a pattern) and the members beside the payload; <see langword="null"/> for neither.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the message is written to the connection.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no <c>[Message]</c>, or the options do not fit the envelope.</exception>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task SendAsync<T>(T message, PeerSendOptions? options, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var type = typeof(T) == typeof(object) ? message.GetType() : typeof(T);
        var json = Codec.Build(message, type, ContractKeys.Require(type), options, requestId: null);
        return WriteAsync(new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Text, Codec.Write(json)), cancellationToken);
    }

    /// <summary>
    /// Sends several messages in one frame, a JSON array (as servers that coalesce messages do). Each element is a
    /// contract the client receives, laid out as <see cref="SendAsync{T}(T, CancellationToken)"/> lays it out, or a
    /// <see cref="JsonNode"/> written as it is (an element the client cannot read, say).
    /// </summary>
    /// <param name="messages">The elements, in order.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the frame is written to the connection.</returns>
    /// <exception cref="ArgumentException">An element is null, or has no <c>[Message]</c> and is not a <see cref="JsonNode"/>.</exception>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task SendArrayAsync(IEnumerable<object> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var array = new JsonArray();
        foreach (var message in messages)
        {
            array.Add(message switch
            {
                null => throw new ArgumentException("An element of the array is null.", nameof(messages)),
                JsonNode node => node.DeepClone(),
                _ => Codec.Build(message, message.GetType(), ContractKeys.Require(message.GetType()), null, null),
            });
        }

        return WriteAsync(new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Text, Codec.Write(array)), cancellationToken);
    }

    /// <summary>Sends a text frame as it is: JSON of the test's own, malformed JSON, anything.</summary>
    /// <param name="text">The text, sent as UTF-8.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the frame is written to the connection.</returns>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task SendTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteAsync(new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Text, Encoding.UTF8.GetBytes(text)), cancellationToken);
    }

    /// <summary>Sends a binary frame.</summary>
    /// <param name="data">The bytes; copied.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the frame is written to the connection.</returns>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task SendBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        WriteAsync(new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Binary, data.ToArray()), cancellationToken);

    /// <summary>
    /// Sends one frame of a text or binary message: <paramref name="endOfMessage"/> false leaves the message open for
    /// the next frame (a fragmented message). A text frame's bytes are sent unchecked, so invalid UTF-8 reaches the client.
    /// </summary>
    /// <param name="data">The frame's bytes; copied.</param>
    /// <param name="type"><see cref="WebSocketMessageType.Text"/> or <see cref="WebSocketMessageType.Binary"/>.</param>
    /// <param name="endOfMessage">Whether this frame ends the message.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the frame is written to the connection.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is <see cref="WebSocketMessageType.Close"/> (use <see cref="CloseAsync"/>).</exception>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task SendFrameAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, bool endOfMessage, CancellationToken cancellationToken = default)
    {
        if (type == WebSocketMessageType.Close)
        {
            throw new ArgumentException("A close frame is sent with CloseAsync.", nameof(type));
        }

        var kind = type == WebSocketMessageType.Text ? PeerFrameKind.Text : PeerFrameKind.Binary;
        return WriteAsync(new PeerFrame(PeerDirection.ToClient, kind, data.ToArray(), endOfMessage), cancellationToken);
    }

    /// <summary>
    /// Writes bytes to the client outside the websocket's framing: a hand-made frame, such as one with a reserved bit
    /// set or an unknown opcode, that a conforming server never sends. It never splits a frame the peer writes.
    /// </summary>
    /// <param name="bytes">The bytes; copied.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        WriteAsync(new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Raw, bytes.ToArray()), cancellationToken);

    /// <summary>Takes the next message the client sent, which must be a <typeparamref name="T"/>, and reads it.</summary>
    /// <typeparam name="T">A contract the client sends.</typeparam>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no <c>[Message]</c>.</exception>
    /// <exception cref="PeerAssertionException">
    /// The next message is another (or not JSON, or binary), does not read as <typeparamref name="T"/>, or none came
    /// within <see cref="InMemoryServerOptions.WaitTimeout"/>; or the connection ended first.
    /// </exception>
    public async Task<T> ReceiveAsync<T>(CancellationToken cancellationToken = default)
    {
        var key = ContractKeys.Require(typeof(T));
        var (message, _, _) = await ReceiveAsync<T>(key, $"a {ContractKeys.Display(key)} message ({TypeDisplay.Of(typeof(T))})", cancellationToken).ConfigureAwait(false);
        return message;
    }

    /// <summary>Takes the next message the client sent, which must be a request <typeparamref name="TRequest"/> with an id, to answer it.</summary>
    /// <typeparam name="TRequest">A request the client sends.</typeparam>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The request, with its id and the means to answer it.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TRequest"/> has no <c>[Message]</c>.</exception>
    /// <exception cref="PeerAssertionException">
    /// The next message is another, carries no request id, does not read as <typeparamref name="TRequest"/>, or none came
    /// within <see cref="InMemoryServerOptions.WaitTimeout"/>; or the connection ended first.
    /// </exception>
    public async Task<PeerRequest<TRequest>> ReceiveRequestAsync<TRequest>(CancellationToken cancellationToken = default)
    {
        var key = ContractKeys.Require(typeof(TRequest));
        var expected = $"a {ContractKeys.Display(key)} request ({TypeDisplay.Of(typeof(TRequest))})";
        var (message, read, frame) = await ReceiveAsync<TRequest>(key, expected, cancellationToken).ConfigureAwait(false);
        if (read.RequestId is not JsonValue id || RequestIdOf(id) is not { } number)
        {
            var where = Codec.Envelope.RequestId?.Property ?? "(the client declares no RequestIdProperty)";
            throw Failure(expected, $"its request id '{where}' is {(read.RequestId is null ? "missing" : read.RequestId.ToJsonString())}: {read.Text}");
        }

        return new PeerRequest<TRequest>(this, message, number, id, frame);
    }

    /// <summary>Takes the next thing the client sent, whatever it is: a text or binary message, or its close frame.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="PeerAssertionException">Nothing came within <see cref="InMemoryServerOptions.WaitTimeout"/>, or the connection ended first.</exception>
    public Task<PeerFrame> ReceiveFrameAsync(CancellationToken cancellationToken = default) =>
        NextAsync("a message or a close frame from the client", cancellationToken);

    /// <summary>Takes the next thing the client sent, which must be its close frame (an answer to <see cref="CloseAsync"/> included).</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The close frame, with its status and description.</returns>
    /// <exception cref="PeerAssertionException">A message came instead, nothing came within <see cref="InMemoryServerOptions.WaitTimeout"/>, or the connection ended without a close frame.</exception>
    public async Task<PeerFrame> ReceiveCloseAsync(CancellationToken cancellationToken = default)
    {
        const string Expected = "the client's close frame";
        var frame = await NextAsync(Expected, cancellationToken).ConfigureAwait(false);
        return frame.Kind == PeerFrameKind.Close ? frame : throw Failure(Expected, $"the client sent {frame.Describe()}");
    }

    /// <summary>
    /// Starts the close handshake with <paramref name="status"/> and completes when it has ended: the client answered
    /// with its own close frame (see <see cref="ReceiveCloseAsync"/>).
    /// </summary>
    /// <param name="status">The close status, such as <see cref="WebSocketCloseStatus.EndpointUnavailable"/> (1001) or <see cref="WebSocketCloseStatus.PolicyViolation"/> (1008).</param>
    /// <param name="description">The reason, at most 123 bytes of UTF-8.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the handshake has ended.</returns>
    /// <exception cref="PeerAssertionException">The connection had ended, or the client did not answer within <see cref="InMemoryServerOptions.WaitTimeout"/>.</exception>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? description = null, CancellationToken cancellationToken = default)
    {
        await WriteAsync(new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Close, ReadOnlyMemory<byte>.Empty, true, status, description), cancellationToken).ConfigureAwait(false);
        await WaitForEndAsync($"the client to answer the close frame ({(int)status} {status})", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the connection at once with no close frame, as a lost network does: the client sees a lost connection
    /// (and reconnects, with a <see cref="ReconnectPolicy"/>; accept the new connection with <see cref="InMemoryServer{TClient}.AcceptAsync"/>).
    /// </summary>
    public void Drop()
    {
        End("the test dropped the connection");
        _connection.Drop();
    }

    /// <summary>Waits until the connection has ended, however it ends: a close handshake, or a drop.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the connection has ended.</returns>
    /// <exception cref="PeerAssertionException">The connection is still open after <see cref="InMemoryServerOptions.WaitTimeout"/>.</exception>
    public Task WaitForEndAsync(CancellationToken cancellationToken = default) => WaitForEndAsync("the connection to end", cancellationToken);

    /// <inheritdoc />
    public override string ToString() => _name;

    /// <summary>Runs the connection: reads everything the client sends until it ends. Run by the server for each connection.</summary>
    internal async Task RunAsync()
    {
        var socket = _connection.Socket;
        var message = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                message.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(message.GetMemory(4096), CancellationToken.None).ConfigureAwait(false);
                    message.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await OnCloseAsync(socket).ConfigureAwait(false);
                    return;
                }

                var kind = result.MessageType == WebSocketMessageType.Text ? PeerFrameKind.Text : PeerFrameKind.Binary;
                var frame = new PeerFrame(PeerDirection.FromClient, kind, message.WrittenSpan.ToArray());
                Record(frame);
                if (kind != PeerFrameKind.Text || !_answers.TryAnswer(this, frame))
                {
                    _inbox.Writer.TryWrite(frame);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            End("the client's end went away without a close handshake");
        }
        finally
        {
            End("the connection ended");
        }
    }

    /// <summary>Reads the record of a message that stands under <paramref name="key"/>; a failure says what did not fit.</summary>
    internal T Read<T>(ClientMessage message, MessageKey key)
    {
        T? value;
        try
        {
            value = Codec.ReadPayload<T>(message, key);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new PeerAssertionException($"{_name}: the client's {message.Describe()} does not read as {TypeDisplay.Of(typeof(T))}: {ex.Message} The message: {message.Text}{Recent()}", ex);
        }

        return value ?? throw new PeerAssertionException($"{_name}: the client's {message.Describe()} reads as null, not as a {TypeDisplay.Of(typeof(T))}: {message.Text}{Recent()}");
    }

    /// <summary>Sends <paramref name="response"/> with the request id <paramref name="requestId"/> (none when <see langword="null"/>).</summary>
    internal Task ReplyAsync<TResponse>(TResponse response, JsonNode? requestId, PeerSendOptions? options, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        var type = typeof(TResponse) == typeof(object) ? response.GetType() : typeof(TResponse);
        var json = Codec.Build(response, type, ContractKeys.Of(type), options, requestId);
        return WriteAsync(new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Text, Codec.Write(json)), cancellationToken);
    }

    /// <summary>Keeps the first failure of an answer running beside the test; the test's next wait reports it.</summary>
    internal void Observe(Task answer) =>
        _ = answer.ContinueWith(
            static (task, state) =>
            {
                var peer = (TestPeer)state!;
                var error = task.Exception!.GetBaseException();
                if (error is OperationCanceledException && peer.Ending.IsCancellationRequested)
                {
                    return; // the connection ended while the answer waited
                }

                if (Interlocked.CompareExchange(ref peer._fault, error, null) is null)
                {
                    peer._faulted.Cancel();
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private async Task OnCloseAsync(WebSocket socket)
    {
        var frame = new PeerFrame(PeerDirection.FromClient, PeerFrameKind.Close, ReadOnlyMemory<byte>.Empty, true, socket.CloseStatus, socket.CloseStatusDescription);
        Record(frame);
        _inbox.Writer.TryWrite(frame);
        if (socket.State != WebSocketState.CloseReceived)
        {
            End($"the close handshake ended: the test closed, the client answered ({frame.Describe()})");
            return;
        }

        if (!_options.AnswerClose)
        {
            // As a hung server: the handshake stays open until the client gives up and goes.
            End($"the client closed the connection ({frame.Describe()}), and the server leaves it unanswered");
            await _connection.ClientGone.ConfigureAwait(false);
            return;
        }

        var answer = new PeerFrame(PeerDirection.ToClient, PeerFrameKind.Close, ReadOnlyMemory<byte>.Empty, true, socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription);
        await _sending.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            Record(answer);
            await socket.CloseOutputAsync(answer.CloseStatus!.Value, answer.CloseDescription, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }

        End($"the client closed the connection ({frame.Describe()})");
    }

    private async Task<(T Message, ClientMessage Read, PeerFrame Frame)> ReceiveAsync<T>(MessageKey key, string expected, CancellationToken cancellationToken)
    {
        var frame = await NextAsync(expected, cancellationToken).ConfigureAwait(false);
        if (frame.Kind != PeerFrameKind.Text)
        {
            throw Failure(expected, frame.Kind == PeerFrameKind.Close ? $"the client closed the connection ({frame.Describe()})" : $"the client sent {frame.Describe()}");
        }

        var read = Codec.Read(frame.Data);
        if (!read.Matches(key))
        {
            throw Failure(expected, $"the client sent {read.Describe()}: {read.Text}");
        }

        return (Read<T>(read, key), read, frame);
    }

    private async Task<PeerFrame> NextAsync(string expected, CancellationToken cancellationToken)
    {
        ThrowIfFaulted();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _faulted.Token);
        wait.CancelAfter(_options.WaitTimeout);
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
            {
                if (_inbox.Reader.TryRead(out var frame))
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ThrowIfFaulted();
            throw Failure(expected, $"nothing came within {Seconds(_options.WaitTimeout)}");
        }

        throw Failure(expected, $"{Volatile.Read(ref _end)} before it came");
    }

    private async Task WaitForEndAsync(string expected, CancellationToken cancellationToken)
    {
        try
        {
            await _ended.Task.WaitAsync(_options.WaitTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Failure(expected, $"the connection is still open after {Seconds(_options.WaitTimeout)}");
        }
    }

    private async Task WriteAsync(PeerFrame frame, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_options.WaitTimeout);
        try
        {
            await _sending.WaitAsync(wait.Token).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _end) is { } end)
                {
                    throw new PeerAssertionException($"{_name} cannot send {frame.Describe()}: {end}.{Recent()}");
                }

                // Recorded before it is written, so that the client's reply cannot stand before it in the record.
                Record(frame);
                try
                {
                    await WriteFrameAsync(frame, wait.Token).ConfigureAwait(false);
                }
                catch
                {
                    Forget(frame);
                    throw;
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PeerAssertionException($"{_name} could not send {frame.Describe()} within {Seconds(_options.WaitTimeout)}: the client does not read.{Recent()}");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            throw new PeerAssertionException($"{_name} could not send {frame.Describe()}: {Volatile.Read(ref _end) ?? "the connection has ended"}.{Recent()}", ex);
        }
    }

    private ValueTask WriteFrameAsync(PeerFrame frame, CancellationToken cancellationToken)
    {
        var socket = _connection.Socket;
        return frame.Kind switch
        {
            PeerFrameKind.Text => socket.SendAsync(frame.Data, WebSocketMessageType.Text, frame.EndOfMessage, cancellationToken),
            PeerFrameKind.Binary => socket.SendAsync(frame.Data, WebSocketMessageType.Binary, frame.EndOfMessage, cancellationToken),
            PeerFrameKind.Close => new ValueTask(socket.CloseOutputAsync(frame.CloseStatus!.Value, frame.CloseDescription, cancellationToken)),
            _ => _connection.WriteRawAsync(frame.Data, cancellationToken),
        };
    }

    private void Record(PeerFrame frame)
    {
        lock (_exchanged)
        {
            _exchanged.Add(frame);
        }
    }

    private void Forget(PeerFrame frame)
    {
        lock (_exchanged)
        {
            _exchanged.Remove(frame);
        }
    }

    private void End(string how)
    {
        if (Interlocked.CompareExchange(ref _end, how, null) is null)
        {
            _inbox.Writer.TryComplete();
            _ending.Cancel();
            _ended.TrySetResult();
        }
    }

    private void ThrowIfFaulted()
    {
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new PeerAssertionException($"{_name}: an answer failed: {fault.Message}{Recent()}", fault);
        }
    }

    private PeerAssertionException Failure(string expected, string what) => new($"{_name} expected {expected}, but {what}.{Recent()}");

    /// <summary>The last frames exchanged, for failure messages.</summary>
    private string Recent()
    {
        var frames = Exchanged;
        if (frames.Count == 0)
        {
            return " Nothing was exchanged on the connection.";
        }

        var shown = frames.Skip(Math.Max(0, frames.Count - RecentFrames)).Select(frame => $"\n  {frame}");
        var heading = frames.Count > RecentFrames ? $"The last {RecentFrames} of {frames.Count} frames exchanged:" : "Exchanged on the connection:";
        return $"\n{heading}{string.Concat(shown)}";
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private static long? RequestIdOf(JsonValue id) => id.GetValueKind() switch
    {
        JsonValueKind.Number when id.TryGetValue(out long number) => number,
        JsonValueKind.String when long.TryParse(id.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
