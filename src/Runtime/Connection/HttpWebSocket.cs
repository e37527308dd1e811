using System.Net.WebSockets;
using CpWebSocket.Transport;
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
/// message is read; lifecycle events are delivered on the thread that caused them (the caller of
/// <see cref="Open"/> or <see cref="Close"/>, or a thread-pool thread). A callback that runs while another
/// is still being delivered is queued behind it instead. Do not block in a callback.
/// </para>
/// <para>
/// An exception thrown by a callback or handler becomes an <see cref="WebSocketEvent.Error"/> event; the
/// connection stays open and the next message is delivered.
/// </para>
/// </remarks>
public sealed partial class HttpWebSocket : IAsyncDisposable, IDisposable
{
    private readonly object _gate = new();
    private readonly HttpWebSocketOptions _options;
    private readonly ILogger _logger;
    private readonly EventDispatcher _dispatcher;
    private readonly WebSocketCallback? _callback;
    private readonly WebSocketDataCallback? _dataCallback;
    private volatile WebSocketStatus _status = WebSocketStatus.Closed;
    private volatile Connection? _current;
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
        _logger = _options.Logger ?? NullLogger.Instance;
        _callback = callback;
        _dataCallback = dataCallback;
        _dispatcher = new EventDispatcher(DeliverAsync, OnDeliveryFault);
        Url = url;
    }

    /// <summary>The seed's <c>new(url, callback)</c>: creates a connection; nothing connects until <see cref="Open"/>.</summary>
    /// <param name="url">The server's address, <c>ws://</c> or <c>wss://</c>.</param>
    /// <param name="callback">The seed's callback: the event and the message or error text.</param>
    /// <returns>The new connection, with status <see cref="WebSocketStatus.Closed"/>.</returns>
    public static HttpWebSocket New(Uri url, WebSocketCallback? callback = null) => new(url, callback);

    /// <summary>The server's address.</summary>
    public Uri Url { get; }

    /// <summary>The current status.</summary>
    public WebSocketStatus Status => _status;

    /// <summary>True only when the socket is open and the status is <see cref="WebSocketStatus.Open"/>.</summary>
    public bool IsOpen => _status == WebSocketStatus.Open && _current?.Socket?.State == WebSocketState.Open;

    /// <summary>The subprotocol the server accepted, once open.</summary>
    public string? SubProtocol => _current?.Socket?.SubProtocol;

    /// <summary>
    /// Closes the connection, waiting at most <see cref="HttpWebSocketOptions.CloseTimeout"/> for the peer,
    /// and stops any pending reconnect. Events still fire for the close.
    /// </summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        MarkDisposed();
    }

    /// <summary>
    /// Starts closing without waiting (the handshake finishes in the background within
    /// <see cref="HttpWebSocketOptions.CloseTimeout"/>) and stops any pending reconnect.
    /// Prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose()
    {
        Close();
        MarkDisposed();
    }

    private void MarkDisposed()
    {
        lock (_gate)
        {
            _disposed = true;
            CancelReconnectNoLock();
        }
    }

    /// <summary>Changes the status and queues its event, if the status really changes.</summary>
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
