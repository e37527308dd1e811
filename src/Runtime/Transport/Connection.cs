using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IO;
using Websocket.Client;

namespace CpWebSocket.Transport;

/// <summary>
/// One attempt to be connected: a <c>Websocket.Client</c> configured so that none of its own policies act
/// (no reconnect, no inactivity timeout, no text conversion) and whose socket is a <see cref="GuardedWebSocket"/>.
/// </summary>
internal sealed class Connection : IDisposable
{
    // Small blocks keep short JSON messages cheap; large messages use pooled large buffers.
    private static readonly RecyclableMemoryStreamManager Streams = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 16 * 1024,
        LargeBufferMultiple = 256 * 1024,
        MaximumBufferSize = 64 * 1024 * 1024,
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 64 * 1024 * 1024,
        AggressiveBufferReturn = true,
    });

    private static readonly TimeSpan StopPollInterval = TimeSpan.FromMilliseconds(5);

    private readonly HttpWebSocketOptions _options;
    private readonly List<IDisposable> _subscriptions = new(3);
    private GuardedWebSocket? _socket;
    private int _disposed;

    public Connection(Uri url, HttpWebSocketOptions options, int reconnectAttempt)
    {
        _options = options;
        ReconnectAttempt = reconnectAttempt;
        var logger = options.Logger is null ? NullLogger<WebsocketClient>.Instance : (Microsoft.Extensions.Logging.ILogger<WebsocketClient>)new TransportLogger(options.Logger);
        Client = new WebsocketClient(url, logger, ConnectAsync, Streams)
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            IsTextMessageConversionEnabled = false,
            IsStreamDisposedAutomatically = false,
            ConnectTimeout = options.ConnectTimeout,
        };
    }

    public WebsocketClient Client { get; }

    /// <summary>The connected socket; <see langword="null"/> until the handshake succeeded.</summary>
    public GuardedWebSocket? Socket => Volatile.Read(ref _socket);

    /// <summary>0 for an <see cref="HttpWebSocket.Open"/> call; the attempt number for a reconnect.</summary>
    public int ReconnectAttempt { get; }

    /// <summary>Set once the status became <see cref="WebSocketStatus.Open"/> for this connection.</summary>
    public bool WasOpen { get; set; }

    /// <summary>Set once this side started the close handshake.</summary>
    public bool ClosingByUser { get; set; }

    public void Track(IDisposable subscription) => _subscriptions.Add(subscription);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        Client.Dispose();

        // Websocket.Client disposes the socket it holds; a handshake that completed while it was being disposed hands
        // it a socket too late for that.
        Volatile.Read(ref _socket)?.Dispose();
    }

    /// <summary>
    /// Disposes once <c>Websocket.Client</c> is done with this connection. It reports a loss, or the peer's close frame,
    /// from inside its own step that handles it, and that step goes on after the callback returns: it cancels its token
    /// source and disposes the socket, or answers the close; last, it marks itself not started. Disposed before then, it
    /// throws, in a task nobody observes or into an error log line. <paramref name="patience"/> bounds the wait.
    /// </summary>
    public async Task DisposeWhenClientStoppedAsync(TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (Client.IsStarted && waited.Elapsed < patience)
        {
            await Task.Delay(StopPollInterval).ConfigureAwait(false);
        }

        Dispose();
    }

    private async Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            Configure(socket.Options);
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var guarded = new GuardedWebSocket(socket, _options.MaxMessageSize, _options.CloseTimeout);
        Interlocked.Exchange(ref _socket, guarded);
        if (Volatile.Read(ref _disposed) != 0)
        {
            guarded.Dispose(); // disposed during the handshake: nobody else would close this one
            throw new OperationCanceledException("The connection was disposed during the opening handshake.", cancellationToken);
        }

        return guarded;
    }

    private void Configure(ClientWebSocketOptions socketOptions)
    {
        foreach (var header in _options.RequestHeaders)
        {
            socketOptions.SetRequestHeader(header.Key, header.Value);
        }

        foreach (var subProtocol in _options.SubProtocols)
        {
            socketOptions.AddSubProtocol(subProtocol);
        }

        socketOptions.KeepAliveInterval = _options.KeepAliveInterval;
#if NET9_0_OR_GREATER
        socketOptions.KeepAliveTimeout = _options.KeepAliveTimeout;
#endif
        if (_options.RemoteCertificateValidationCallback is { } validate)
        {
            socketOptions.RemoteCertificateValidationCallback = validate;
        }
    }
}
