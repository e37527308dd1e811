using CpWebSocket.Diagnostics;
using CpWebSocket.Transport;
using CpWebSocket.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpWebSocket;

/// <summary>
/// A websocket connection with the lifecycle of <c>cp.websocket.http</c>: <see cref="Open"/>,
/// <see cref="Close"/>, <see cref="IsOpen"/>, <see cref="Send(string, bool)"/> and <see cref="Status"/>,
/// with the events <c>opening, opened, closing, closed, error, message</c>.
/// </summary>
/// <remarks>
/// <para>
/// Events are delivered one at a time, in the order they happened, never concurrently for one connection.
/// A received message is delivered on the thread of the receive loop (a thread-pool thread) before the next
/// message is read, unless a handler is still running: then the loop keeps reading and the message waits its turn.
/// Lifecycle events are delivered on the thread that caused them (the caller of <see cref="Open"/> or
/// <see cref="Close"/>, or a thread-pool thread). Do not block in a callback.
/// </para>
/// <para>
/// An exception thrown by a callback or handler becomes an <see cref="WebSocketEvent.Error"/> event; the
/// connection stays open and the next message is delivered.
/// </para>
/// <para>
/// The status changes atomically, under one lock, and <see cref="IsOpen"/> is read from it. Disposing is final: the
/// connection closes, never opens again (<see cref="Open"/> throws <see cref="ObjectDisposedException"/>), and raises
/// nothing after the <see cref="WebSocketEvent.Closed"/> event of that closing.
/// </para>
/// </remarks>
public sealed partial class HttpWebSocket : IAsyncDisposable, IDisposable
{
    private readonly object _gate = new();
    private readonly HttpWebSocketOptions _options;
    private readonly WebSocketTransport _transport;
    private readonly ILogger _logger;
    private readonly EventDispatcher _dispatcher;
    private readonly WebSocketCallback? _callback;
    private readonly WebSocketDataCallback? _dataCallback;
    private volatile WebSocketStatus _status = WebSocketStatus.Closed;

    // Guarded by _gate: the cycle of the current status (null when Closed), and the latest one, whose Closed event
    // CloseAsync may still have to wait for.
    private ConnectionCycle? _cycle;
    private ConnectionCycle? _latest;
    private bool _disposed;

    /// <summary>Creates a connection to <paramref name="url"/>; nothing connects until <see cref="Open"/>.</summary>
    /// <param name="url">The server's address, <c>ws://</c> or <c>wss://</c>.</param>
    /// <param name="callback">The seed's callback: the event and the message or error text.</param>
    /// <param name="options">Connection settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute <c>ws://</c> or <c>wss://</c> address.</exception>
    public HttpWebSocket(Uri url, WebSocketCallback? callback = null, HttpWebSocketOptions? options = null)
        : this(url, callback, null, options)
    {
    }

    /// <summary>Creates a connection whose callback receives message types and exact bytes.</summary>
    /// <param name="url">The server's address, <c>ws://</c> or <c>wss://</c>.</param>
    /// <param name="callback">The rich callback: the event with its message, error or close details.</param>
    /// <param name="options">Connection settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute <c>ws://</c> or <c>wss://</c> address.</exception>
    public HttpWebSocket(Uri url, WebSocketDataCallback callback, HttpWebSocketOptions? options = null)
        : this(url, null, callback ?? throw new ArgumentNullException(nameof(callback)), options)
    {
    }

    private HttpWebSocket(Uri url, WebSocketCallback? callback, WebSocketDataCallback? dataCallback, HttpWebSocketOptions? options)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != "ws" && url.Scheme != "wss"))
        {
            throw new ArgumentException($"'{url}' is not a websocket address: use an absolute ws:// or wss:// URL.", nameof(url));
        }

        _options = options ?? new HttpWebSocketOptions();
        _options.Validate();
        _transport = _options.Transport ?? SocketsWebSocketTransport.Default;
        _logger = _options.Logger ?? NullLogger.Instance;
        _callback = callback;
        _dataCallback = dataCallback;
        _dispatcher = new EventDispatcher(DeliverAsync, OnDeliveryFault);
        Url = url;
        Telemetry = new ConnectionTelemetry(url, _options.MeterFactory);
    }

    /// <summary>The seed's <c>new(url, callback)</c>: creates a connection; nothing connects until <see cref="Open"/>.</summary>
    /// <param name="url">The server's address, <c>ws://</c> or <c>wss://</c>.</param>
    /// <param name="callback">The seed's callback: the event and the message or error text.</param>
    /// <returns>The new connection, with status <see cref="WebSocketStatus.Closed"/>.</returns>
    public static HttpWebSocket New(Uri url, WebSocketCallback? callback = null) => new(url, callback);

    /// <summary>The server's address.</summary>
    public Uri Url { get; }

    /// <summary>Where this connection's metrics and spans are recorded (see <see cref="WebSocketDiagnostics"/>).</summary>
    internal ConnectionTelemetry Telemetry { get; }

    /// <summary>The current status.</summary>
    public WebSocketStatus Status => _status;

    /// <summary>True only when the status is <see cref="WebSocketStatus.Open"/> (the two never disagree).</summary>
    public bool IsOpen => _status == WebSocketStatus.Open;

    /// <summary>The subprotocol the server accepted, once open.</summary>
    public string? SubProtocol => Volatile.Read(ref _cycle)?.Socket?.SubProtocol;

    /// <summary>
    /// Closes the connection for good: as <see cref="Close"/>, then waits until the <see cref="WebSocketEvent.Closed"/>
    /// event of that closing was delivered (within <see cref="HttpWebSocketOptions.CloseTimeout"/> of a peer that does not
    /// answer). Stops any pending reconnect (with a last Closed that will not reconnect); nothing is raised after the returned task completes, and the connection never
    /// opens again.
    /// </summary>
    /// <returns>A task that completes when the connection is closed and its last event delivered.</returns>
    public async ValueTask DisposeAsync()
    {
        Task closure;
        CloseAction action;
        lock (_gate)
        {
            _disposed = true;
            closure = BeginCloseNoLock(out action);
        }

        _disposal.Cancel();

        Run(action);
        await closure.ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the connection for good without waiting: as <see cref="Close"/> (the close handshake finishes in the
    /// background within <see cref="HttpWebSocketOptions.CloseTimeout"/>, ending with its <see cref="WebSocketEvent.Closed"/>
    /// event), stops any pending reconnect (with a last Closed that will not reconnect), and the connection never opens again. Prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose()
    {
        CloseAction action;
        lock (_gate)
        {
            _disposed = true;
            _ = BeginCloseNoLock(out action);
        }

        _disposal.Cancel();

        Run(action);
    }

    /// <summary>Changes the status and queues its event, if the status really changes (guarded).</summary>
    private void SetStatusNoLock(WebSocketStatus status, in PendingEvent pending)
    {
        if (_status == status)
        {
            return;
        }

        _status = status;
        _dispatcher.Enqueue(pending);
    }
}
