using System.Net.WebSockets;
using CpWebSocket.Transport;

namespace CpWebSocket.Testing.Transport;

/// <summary>
/// A <see cref="WebSocketTransport"/> with no network: each connect makes a pair of websockets over two in-memory pipes,
/// the client's end (returned to the connection) and the server's end (handed to the transport's handler). The framing,
/// masking, fragmentation, pings and close handshake are those of <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>,
/// so the connection's lifecycle, ordering, size limit and close handshake run as over a socket. No socket, no port.
/// </summary>
/// <example>
/// <code language="csharp">
/// var transport = new InMemoryTransport(async connection =>
/// {
///     var buffer = new byte[4096];
///     var received = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None);
///     await connection.Socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, true, CancellationToken.None);
/// });
/// await using var socket = new HttpWebSocket(new Uri("ws://in-memory.test/"), options: new HttpWebSocketOptions { Transport = transport });
/// </code>
/// </example>
public sealed class InMemoryTransport : WebSocketTransport
{
    private readonly Func<InMemoryConnection, Task> _serve;
    private readonly Action<InMemoryConnection>? _connected;
    private readonly List<InMemoryConnection> _connections = [];
    private readonly List<Task> _serving = [];

    /// <summary>Creates a transport whose connections are each served by <paramref name="serve"/>.</summary>
    /// <param name="serve">
    /// Runs the server's side of one connection, on the thread pool, from the moment the client connects; the server's
    /// end of the websocket is disposed when it completes.
    /// </param>
    public InMemoryTransport(Func<InMemoryConnection, Task> serve)
        : this(serve, connected: null)
    {
    }

    /// <param name="serve">Runs each connection's server side, on the thread pool.</param>
    /// <param name="connected">Told of each connection before the client's connect completes, on the connecting thread.</param>
    internal InMemoryTransport(Func<InMemoryConnection, Task> serve, Action<InMemoryConnection>? connected)
    {
        ArgumentNullException.ThrowIfNull(serve);
        _serve = serve;
        _connected = connected;
    }

    /// <summary>The connections made so far, in order.</summary>
    public IReadOnlyList<InMemoryConnection> Connections
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>Completes when the handlers of the connections made so far have completed; faults when one of them failed.</summary>
    public Task Completion
    {
        get
        {
            lock (_connections)
            {
                return Task.WhenAll(_serving);
            }
        }
    }

    /// <inheritdoc />
    public override ValueTask<WebSocket> ConnectAsync(WebSocketConnectContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();

        var link = new PipeLink();
        var client = WebSocket.CreateFromStream(link.Client, new WebSocketCreationOptions
        {
            KeepAliveInterval = context.KeepAliveInterval,
#if NET9_0_OR_GREATER
            KeepAliveTimeout = context.KeepAliveTimeout,
#endif
        });
        var server = WebSocket.CreateFromStream(link.Server, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });

        InMemoryConnection connection;
        lock (_connections)
        {
            connection = new InMemoryConnection(_connections.Count + 1, context, server, link);
            _connections.Add(connection);
        }

        _connected?.Invoke(connection);
        lock (_connections)
        {
            _serving.Add(Task.Run(() => ServeAsync(connection), CancellationToken.None));
        }

        return ValueTask.FromResult(client);
    }

    private async Task ServeAsync(InMemoryConnection connection)
    {
        using (connection.Socket)
        {
            await _serve(connection).ConfigureAwait(false);
        }
    }
}
