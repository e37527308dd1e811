using System.Net.WebSockets;
using CpWebSocket.Transport.Sockets;
using Websocket.Client;

namespace CpWebSocket.Transport;

/// <summary>
/// A <see cref="WebSocketTransport"/> over <c>Websocket.Client</c>: an <see cref="HttpWebSocket"/> (or a generated client)
/// whose connections are made, and whose messages are read, by an <see cref="IWebsocketClient"/> the app already has. The
/// lifecycle, its events, the ordered send lane, the close handshake and its timeout, and the size limit are the
/// connection's, as over the default transport.
/// </summary>
/// <remarks>
/// <para>
/// <b>Reconnection</b> is the connection's: each attempt the <see cref="HttpWebSocketOptions.Reconnect"/> policy makes
/// starts the client again (with the attempt's address), and the client's own reconnection, inactivity timeout and
/// reconnect timers are turned off when it connects. The client's <c>Send</c> queues are not used: every frame goes
/// through the connection's single lane, so text and binary keep their order, and a frame that cannot be written is
/// reported, never dropped.
/// </para>
/// <para>
/// <b>Two ways to build it.</b> Given a factory (<see cref="WebsocketClientTransport(Func{Func{Uri, CancellationToken, Task{WebSocket}}, IWebsocketClient})"/>),
/// the app makes its client with the connection factory it is handed; the connections are then CpWebSocket's own (every
/// handshake option of <see cref="HttpWebSocketOptions"/> applies), a message over the size limit is refused as its
/// frame header arrives, and messages that arrive during this side's close handshake are still read. Given a client made
/// without it (<see cref="WebsocketClientTransport(IWebsocketClient)"/>), the client connects as it was configured to:
/// it reads each message whole before handing it over, so a message over the limit is refused once it has arrived
/// (still with close status 1009), and its receive loop stops at this side's close frame.
/// </para>
/// <para>The app keeps the client and disposes it after the connection; the transport never does.</para>
/// </remarks>
/// <example>
/// <code language="csharp">
/// var transport = new WebsocketClientTransport(connect => new WebsocketClient(url, logger, connect) { Name = "feed" });
/// await using var feed = new FeedClient(url, new HttpWebSocketOptions { Transport = transport });
/// await feed.OpenAsync();
/// </code>
/// </example>
public sealed class WebsocketClientTransport : WebSocketTransport
{
    private readonly object _gate = new();
    private readonly SocketsWebSocketTransport? _wire;
    private WebSocketConnectContext? _connecting;
    private CancellationToken _connectingCancelled;
    private WebSocket? _connected;

    /// <summary>A transport over a client the app made without CpWebSocket's connection factory.</summary>
    /// <param name="client">The client; the app keeps and disposes it.</param>
    public WebsocketClientTransport(IWebsocketClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>A transport over a client the app makes with CpWebSocket's connection factory (see remarks).</summary>
    /// <param name="createClient">Makes the client, given the connection factory to pass to its constructor.</param>
    public WebsocketClientTransport(Func<Func<Uri, CancellationToken, Task<WebSocket>>, IWebsocketClient> createClient)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        _wire = SocketsWebSocketTransport.Default;
        Client = createClient(ConnectForClientAsync) ?? throw new ArgumentException("The factory returned no client.", nameof(createClient));
    }

    /// <summary>The client the connections go through.</summary>
    public IWebsocketClient Client { get; }

    /// <inheritdoc />
    public override async ValueTask<WebSocket> ConnectAsync(WebSocketConnectContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Client.IsStarted)
        {
            // Left started by an attempt that ended without its help: drop what it holds, then stop it, before starting anew.
            WebSocket? left;
            lock (_gate)
            {
                left = _wire is null ? Client.NativeClient : _connected;
            }

            left?.Abort();
            await Client.Stop(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
        }

        Client.IsReconnectionEnabled = false;
        Client.ReconnectTimeout = null;
        Client.ErrorReconnectTimeout = null;
        Client.LostReconnectTimeout = null;
        Client.IsTextMessageConversionEnabled = true;
        Client.Url = context.Url;

        // Subscribed before the start, so a message that comes with the handshake's answer is not missed.
        var socket = new WebsocketClientSocket(Client, closeThroughClient: _wire is null);
        lock (_gate)
        {
            _connecting = context;
            _connectingCancelled = cancellationToken;
            _connected = null;
        }

        var starting = Client.StartOrFail();
        try
        {
            await starting.WaitAsync(cancellationToken).ConfigureAwait(false);
            WebSocket? native;
            lock (_gate)
            {
                native = _wire is null ? Client.NativeClient : _connected;
            }

            socket.Attach(native ?? throw new WebSocketException(WebSocketError.Faulted, "Websocket.Client started without a connected socket."));
            return socket;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Abandoned: the client may still finish connecting, and nobody would close what it connects.
            socket.Dispose();
            _ = AbortWhenStartedAsync(starting);
            throw;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AbortWhenStartedAsync(Task starting)
    {
        try
        {
            await starting.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or Websocket.Client.Exceptions.WebsocketException)
        {
            return; // it did not connect
        }

        WebSocket? native;
        lock (_gate)
        {
            native = _wire is null ? Client.NativeClient : _connected;
        }

        native?.Abort(); // its receive loop then ends, and the client stops
    }

    /// <summary>The connection factory handed to the app's client: CpWebSocket's own connection, for the current attempt.</summary>
    private async Task<WebSocket> ConnectForClientAsync(Uri url, CancellationToken cancellationToken)
    {
        WebSocketConnectContext context;
        CancellationToken abandoned;
        lock (_gate)
        {
            context = _connecting ?? new WebSocketConnectContext(url);
            abandoned = _connectingCancelled;
        }

        // The client's token, and the attempt's: an attempt the connection abandons stops its handshake.
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abandoned);
        var socket = new KeepReadingWebSocket(await _wire!.ConnectAsync(context, either.Token).ConfigureAwait(false));
        lock (_gate)
        {
            _connected = socket;
        }

        return socket;
    }
}
