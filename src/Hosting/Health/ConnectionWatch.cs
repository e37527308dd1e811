namespace CpWebSocket.Hosting.Health;

/// <summary>
/// Follows one connection's events from the moment its client is created, for what <see cref="HttpWebSocket.Status"/>
/// does not tell: whether it was ever open, whether a reconnect is scheduled, and the last failure of a connection.
/// </summary>
internal sealed class ConnectionWatch
{
    private readonly object _gate = new();
    private readonly HttpWebSocket _connection;
    private WebSocketStatus _seen = WebSocketStatus.Closed;
    private bool _hasOpened;
    private bool _willReconnect;
    private WebSocketErrorInfo? _lastFailure;
    private WebSocketCloseInfo? _lastClose;

    public ConnectionWatch(HttpWebSocket connection)
    {
        _connection = connection;
        connection.Opening += OnOpening;
        connection.Opened += OnOpened;
        connection.Closing += OnClosing;
        connection.Closed += OnClosed;
        connection.Error += OnError;
    }

    /// <summary>The state now.</summary>
    public ConnectionState Read()
    {
        var status = _connection.Status;
        lock (_gate)
        {
            // The status changes before its event is delivered. Until the Closed event arrives, whether a reconnect
            // follows is not known: the connection is still ending, not closed for good.
            if (status == WebSocketStatus.Closed && _seen != WebSocketStatus.Closed)
            {
                status = WebSocketStatus.Closing;
            }

            return new ConnectionState(status, _hasOpened, status == WebSocketStatus.Closed && _willReconnect, _lastFailure, _lastClose);
        }
    }

    private void OnOpening()
    {
        lock (_gate)
        {
            _seen = WebSocketStatus.Opening;
        }
    }

    private void OnClosing()
    {
        lock (_gate)
        {
            _seen = WebSocketStatus.Closing;
        }
    }

    private void OnOpened()
    {
        lock (_gate)
        {
            _seen = WebSocketStatus.Open;
            _hasOpened = true;
            _willReconnect = false;
            _lastFailure = null;
        }
    }

    private void OnClosed(WebSocketCloseInfo close)
    {
        lock (_gate)
        {
            _seen = WebSocketStatus.Closed;
            _willReconnect = close.WillReconnect;
            _lastClose = close;
        }
    }

    private void OnError(WebSocketErrorInfo error)
    {
        // Message errors (bad JSON, a handler that threw) leave the connection open: they say nothing of its health.
        if (error.Kind is WebSocketErrorKind.Connect or WebSocketErrorKind.ConnectionLost or WebSocketErrorKind.Protocol or WebSocketErrorKind.MessageTooLarge)
        {
            lock (_gate)
            {
                _lastFailure = error;
            }
        }
    }
}
