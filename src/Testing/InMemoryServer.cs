using System.Globalization;
using CpWebSocket.Messaging;
using CpWebSocket.Testing.Answers;
using CpWebSocket.Testing.Transport;
using CpWebSocket.Testing.Wire;

namespace CpWebSocket.Testing;

/// <summary>
/// A websocket server in the test's own process that speaks a generated client's contracts from the server's side, for
/// unit tests of the code built on the client: no socket, no port, no server to start. Clients connect to it through
/// its <see cref="Transport"/>; each connection is a <see cref="TestPeer"/> the test takes with <see cref="AcceptAsync"/>.
/// </summary>
/// <typeparam name="TClient">The generated client (a <c>[WebSocketClient]</c> class) whose contracts the server speaks.</typeparam>
/// <example>
/// <code language="csharp">
/// await using var server = new InMemoryServer&lt;ChatClient&gt;();
/// await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
/// await chat.OpenAsync();
/// var peer = await server.AcceptAsync();
///
/// await chat.SendAsync(new Say("lobby", "hi"));
/// Say say = await peer.ReceiveAsync&lt;Say&gt;();           // typed, checked against "chat.say"
/// await peer.SendAsync(new Said("lobby", "bob", "hey"));   // reaches chat.SaidReceived
/// </code>
/// </example>
public sealed class InMemoryServer<TClient> : IAsyncDisposable
    where TClient : MessageClient
{
    private readonly PeerCodec _codec;
    private readonly PeerAnswers _answers = new();
    private readonly List<TestPeer> _peers = [];

    // A connection's handler runs on the thread pool, so two of them can start in either order: the peers are handed
    // out by their connection's number instead, in the order the clients connected.
    private readonly Dictionary<int, TaskCompletionSource<TestPeer>> _byNumber = [];
    private readonly Dictionary<InMemoryConnection, TestPeer> _byConnection = [];
    private int _accepted;

    /// <summary>Creates a server with the default options.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> has no public constructor <c>(Uri, HttpWebSocketOptions?)</c>, as generated clients have.</exception>
    public InMemoryServer()
        : this(new InMemoryServerOptions())
    {
    }

    /// <summary>Creates a server.</summary>
    /// <param name="options">How long waits last, and whether close frames are answered.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> has no public constructor <c>(Uri, HttpWebSocketOptions?)</c>, as generated clients have.</exception>
    public InMemoryServer(InMemoryServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _codec = new PeerCodec(ClientProtocols.Of(typeof(TClient)));
        Transport = new InMemoryTransport(ServeAsync, Register);
    }

    /// <summary>
    /// An address for the clients: any <c>ws://</c> address reaches the server through <see cref="Transport"/>, and this
    /// one (<c>ws://in-memory.test/</c>) resolves nowhere else.
    /// </summary>
    public Uri Url { get; } = new("ws://in-memory.test/");

    /// <summary>The transport that connects clients to this server: set it as the clients' <see cref="HttpWebSocketOptions.Transport"/>.</summary>
    public InMemoryTransport Transport { get; }

    /// <summary>How long waits last, and whether close frames are answered.</summary>
    public InMemoryServerOptions Options { get; }

    /// <summary>Every connection so far, accepted or not, in the order the clients connected.</summary>
    public IReadOnlyList<TestPeer> Peers
    {
        get
        {
            lock (_peers)
            {
                return [.. _peers.OrderBy(peer => peer.Number)];
            }
        }
    }

    /// <summary>
    /// Takes the next connection not taken yet, in the order the clients connected, waiting for it if needed: after a
    /// client's <c>OpenAsync</c>, or its reconnect after a <see cref="TestPeer.Drop"/>. Accept one connection at a time.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The server's end of the connection.</returns>
    /// <exception cref="PeerAssertionException">No client connected within <see cref="InMemoryServerOptions.WaitTimeout"/>.</exception>
    public async Task<TestPeer> AcceptAsync(CancellationToken cancellationToken = default)
    {
        int number;
        Task<TestPeer> next;
        lock (_peers)
        {
            number = ++_accepted;
            next = Slot(number).Task;
        }

        try
        {
            return await next.WaitAsync(Options.WaitTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_peers)
            {
                if (_accepted == number)
                {
                    _accepted--; // the next accept waits for the same connection
                }
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            var count = Peers.Count;
            throw new PeerAssertionException(
                $"The in-memory server of {TypeDisplay.Of(typeof(TClient))} expected a client to connect, but none did within {Options.WaitTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s "
                + $"({(count == 0 ? "no connection so far" : $"{count} connection{(count == 1 ? string.Empty : "s")} so far, all taken")}). "
                + "Is the client's HttpWebSocketOptions.Transport this server's Transport, and was it opened?");
        }
    }

    /// <summary>
    /// Answers every <typeparamref name="TRequest"/> the client sends, on every connection, with what
    /// <paramref name="answer"/> returns, sent as <see cref="PeerRequest{TRequest}.ReplyAsync{TResponse}(TResponse, CancellationToken)"/>
    /// sends it (with the message's request id, if it has one). Such messages are answered instead of waiting for the
    /// test's <c>Receive...</c>. A later rule for the same contract replaces the earlier.
    /// </summary>
    /// <typeparam name="TRequest">A contract the client sends (a request, or any message that the server answers).</typeparam>
    /// <typeparam name="TResponse">The response's type.</typeparam>
    /// <param name="answer">Makes the response.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TRequest"/> has no <c>[Message]</c>.</exception>
    public void Answer<TRequest, TResponse>(Func<TRequest, TResponse> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Answer<TRequest, TResponse>((request, _) => Task.FromResult(answer(request)));
    }

    /// <summary>
    /// Answers every <typeparamref name="TRequest"/> the client sends with the response <paramref name="answer"/>
    /// completes with, whenever it completes: after a delay, after the test releases it, or never. An answer that
    /// throws fails the test's next wait on that connection.
    /// </summary>
    /// <typeparam name="TRequest">A contract the client sends.</typeparam>
    /// <typeparam name="TResponse">The response's type.</typeparam>
    /// <param name="answer">Makes the response; its token is cancelled when the connection ends.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TRequest"/> has no <c>[Message]</c>.</exception>
    public void Answer<TRequest, TResponse>(Func<TRequest, CancellationToken, Task<TResponse>> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _answers.Add(new AnswerRule<TRequest, TResponse>(ContractKeys.Require(typeof(TRequest)), answer));
    }

    /// <summary>Drops the connections still open, as a server that stops, and waits until each has ended.</summary>
    /// <returns>A task that completes when every connection has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var peer in Peers)
        {
            if (peer.IsConnected)
            {
                peer.Drop();
            }
        }

        try
        {
            await Transport.Completion.WaitAsync(Options.WaitTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A connection's handler that does not end is the test's own; the server has let it go.
        }
    }

    /// <summary>
    /// Makes the connection's peer, on the client's connect: by the time the client's open completes, an accept finds it,
    /// however long the connection's handler takes to start.
    /// </summary>
    private void Register(InMemoryConnection connection)
    {
        var peer = new TestPeer(connection, _codec, Options, _answers, TypeDisplay.Of(typeof(TClient)));
        lock (_peers)
        {
            _peers.Add(peer);
            _byConnection.Add(connection, peer);
            Slot(connection.Number).TrySetResult(peer);
        }
    }

    private Task ServeAsync(InMemoryConnection connection)
    {
        TestPeer peer;
        lock (_peers)
        {
            peer = _byConnection[connection];
        }

        return peer.RunAsync();
    }

    /// <summary>The completion of connection <paramref name="number"/>'s peer, made by whichever comes first, its accept or its connection.</summary>
    private TaskCompletionSource<TestPeer> Slot(int number)
    {
        if (!_byNumber.TryGetValue(number, out var slot))
        {
            slot = new TaskCompletionSource<TestPeer>(TaskCreationOptions.RunContinuationsAsynchronously);
            _byNumber.Add(number, slot);
        }

        return slot;
    }
}
