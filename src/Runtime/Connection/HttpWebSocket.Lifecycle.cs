using System.Net.WebSockets;
using CpWebSocket.Transport;
using Websocket.Client;
using Websocket.Client.Exceptions;

namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    private TaskCompletionSource? _opened;
    private TaskCompletionSource? _closed;

    /// <summary>
    /// The seed's <c>open()</c>: starts connecting and returns at once. The status becomes
    /// <see cref="WebSocketStatus.Opening"/> (with its event) when it was <see cref="WebSocketStatus.Closed"/>;
    /// then <see cref="WebSocketEvent.Opened"/> follows, or <see cref="WebSocketEvent.Error"/> and
    /// <see cref="WebSocketEvent.Closed"/> when the connect fails.
    /// </summary>
    /// <returns>The status after the call: <see cref="WebSocketStatus.Opening"/>, or the unchanged status when already opening, open or closing.</returns>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public WebSocketStatus Open()
    {
        Connection? started;
        WebSocketStatus result;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            started = _status == WebSocketStatus.Closed ? BeginOpeningNoLock(reconnectAttempt: 0) : null;
            if (_status == WebSocketStatus.Closing)
            {
                _dispatcher.Enqueue(PendingEvent.ForError(new WebSocketErrorInfo(
                    WebSocketErrorKind.InvalidOperation,
                    "Open() was called while the connection is closing; call it again after the Closed event.")));
            }

            result = _status;
        }

        _dispatcher.Drain();
        if (started is not null)
        {
            _ = ConnectAsync(started);
        }

        return result;
    }

    /// <summary>Opens the connection and completes when it is open.</summary>
    /// <param name="cancellationToken">Stops the wait (the connect goes on; call <see cref="Close"/> to stop it).</param>
    /// <returns>A task that completes when the status is <see cref="WebSocketStatus.Open"/>.</returns>
    /// <exception cref="WebSocketConnectException">The connect failed; the message says why.</exception>
    /// <exception cref="InvalidOperationException">The connection is closing.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public Task OpenAsync(CancellationToken cancellationToken = default)
    {
        var status = Open();
        Task opened;
        lock (_gate)
        {
            if (status == WebSocketStatus.Closing || _opened is null)
            {
                return Task.FromException(new InvalidOperationException(
                    $"The connection to {Url} is closing; await CloseAsync before opening it again."));
            }

            // Completes once the Opened event was delivered (or with the failure after Error and Closed).
            opened = _opened.Task;
        }

        return opened.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The seed's <c>close()</c>: never blocks. When open, the status becomes <see cref="WebSocketStatus.Closing"/>
    /// (with its event), the close handshake runs after the sends already queued, and
    /// <see cref="WebSocketEvent.Closed"/> follows, within <see cref="HttpWebSocketOptions.CloseTimeout"/> even if
    /// the peer never answers. When opening, the connect is abandoned and the status goes straight to
    /// <see cref="WebSocketStatus.Closed"/>. When closing or closed, nothing happens (a pending reconnect is cancelled).
    /// </summary>
    /// <returns>This connection.</returns>
    public HttpWebSocket Close()
    {
        Connection? closing = null;
        Connection? abandoned = null;
        lock (_gate)
        {
            switch (_status)
            {
                case WebSocketStatus.Open:
                    closing = _current!;
                    closing.ClosingByUser = true;
                    SetStatusNoLock(WebSocketStatus.Closing, PendingEvent.Lifecycle(WebSocketEvent.Closing));
                    Log.Closing(_logger, Url);
                    break;
                case WebSocketStatus.Opening:
                    abandoned = _current!;
                    abandoned.ClosingByUser = true;
                    EndCycleNoLock(new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false), null, $"Close() was called before the connection to {Url} opened.");
                    break;
                case WebSocketStatus.Closed:
                    CancelReconnectNoLock();
                    break;
            }
        }

        _dispatcher.Drain();
        abandoned?.Dispose();
        if (closing is not null)
        {
            _ = CloseHandshakeAsync(closing);
        }

        return this;
    }

    /// <summary>Closes the connection and completes when the status is <see cref="WebSocketStatus.Closed"/>.</summary>
    /// <param name="cancellationToken">Stops the wait (the close goes on).</param>
    /// <returns>A task that completes when the connection is closed.</returns>
    public Task CloseAsync(CancellationToken cancellationToken = default)
    {
        Close();
        Task closed;
        lock (_gate)
        {
            if (_closed is null)
            {
                return Task.CompletedTask; // never opened
            }

            // Completes once the Closed event was delivered, even when the status already reads Closed.
            closed = _closed.Task;
        }

        return closed.WaitAsync(cancellationToken);
    }

    private Connection BeginOpeningNoLock(int reconnectAttempt)
    {
        CancelReconnectNoLock();
        var connection = new Connection(Url, _options, reconnectAttempt);
        _current = connection;
        _opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Track(connection.Client.MessageReceived.Subscribe(message => OnMessage(connection, message)));
        connection.Track(connection.Client.DisconnectionHappened.Subscribe(info => OnDisconnected(connection, info)));
        connection.Track(connection.Client.ReconnectionHappened.Subscribe(_ => OnConnected(connection)));
        SetStatusNoLock(WebSocketStatus.Opening, PendingEvent.Lifecycle(WebSocketEvent.Opening));
        Log.Opening(_logger, Url);
        return connection;
    }

    private async Task ConnectAsync(Connection connection)
    {
        EventDispatcher.DetachFromDelivery();
        try
        {
            await connection.Client.StartOrFail().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var cause = ex is WebsocketException { InnerException: { } inner } ? inner : ex;
            var error = new WebSocketErrorInfo(WebSocketErrorKind.Connect, $"Could not connect to {Url}: {Describe(cause)}", cause);
            FinishCycle(connection, new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false), error);
            return;
        }

        OnConnected(connection);
    }

    /// <summary>Opening → Open for the current connection; called by whichever sees the handshake done first.</summary>
    private void OnConnected(Connection connection)
    {
        lock (_gate)
        {
            if (_current != connection || _status != WebSocketStatus.Opening || connection.Socket is null)
            {
                return;
            }

            connection.WasOpen = true;
            SetStatusNoLock(WebSocketStatus.Open, PendingEvent.Lifecycle(WebSocketEvent.Opened));
            var opened = _opened;
            _dispatcher.Enqueue(PendingEvent.After(() => opened?.TrySetResult()));
            Log.Opened(_logger, Url);
        }

        _dispatcher.Drain();
    }

    private void OnDisconnected(Connection connection, DisconnectionInfo info)
    {
        if (connection.ClosingByUser)
        {
            return; // the close handshake we started ends the cycle
        }

        switch (info.Type)
        {
            case DisconnectionType.ByServer:
                OnConnected(connection);
                _ = FinishPeerCloseAsync(connection, info.CloseStatus, info.CloseStatusDescription);
                break;
            case DisconnectionType.Lost or DisconnectionType.NoMessageReceived:
                OnConnected(connection); // a loss right after the handshake still opened first
                var (error, close) = DescribeLoss(connection, info.Exception);
                FinishCycle(connection, close, error);
                break;
            default:
                // Error: a failed connect, reported by ConnectAsync. ByUser, Exit: our own close and dispose.
                break;
        }
    }

    /// <summary>
    /// The peer sent a close frame: answer it with its own status, then end the cycle. <c>Websocket.Client</c> also
    /// answers, but not when the close frame arrives before it marked itself running (a server that closes right after
    /// the handshake); only the first answer is written.
    /// </summary>
    private async Task FinishPeerCloseAsync(Connection connection, WebSocketCloseStatus? status, string? description)
    {
        EventDispatcher.DetachFromDelivery();
        if (connection.Socket is { } socket)
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout);
            try
            {
                await socket.CloseOutputAsync(status ?? WebSocketCloseStatus.NormalClosure, description, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                socket.Abort();
            }
        }

        FinishCycle(connection, new WebSocketCloseInfo(status, description, ByPeer: true, WillReconnect: false), null);
    }

    private (WebSocketErrorInfo Error, WebSocketCloseInfo Close) DescribeLoss(Connection connection, Exception? exception)
    {
        var socket = connection.Socket;
        if (exception is MessageTooLargeException)
        {
            var error = new WebSocketErrorInfo(WebSocketErrorKind.MessageTooLarge, exception.Message, exception);
            return (error, new WebSocketCloseInfo(WebSocketCloseStatus.MessageTooBig, socket?.CloseStatusDescription, ByPeer: false, WillReconnect: false));
        }

        if (exception is not null && IsKeepAliveTimeout(exception))
        {
            var silent = new WebSocketErrorInfo(
                WebSocketErrorKind.ConnectionLost,
                $"The connection to {Url} was lost: no keep-alive pong arrived within {_options.KeepAliveTimeout:c} (HttpWebSocketOptions.KeepAliveTimeout).",
                exception);
            return (silent, new WebSocketCloseInfo(null, null, ByPeer: true, WillReconnect: false));
        }

        var kind = exception is WebSocketException { WebSocketErrorCode: not System.Net.WebSockets.WebSocketError.ConnectionClosedPrematurely }
            ? WebSocketErrorKind.Protocol
            : WebSocketErrorKind.ConnectionLost;
        var reason = exception is null ? "the connection ended without a close handshake" : Describe(exception);
        var lost = new WebSocketErrorInfo(kind, $"The connection to {Url} was lost: {reason}", exception);
        return (lost, new WebSocketCloseInfo(socket?.CloseStatus, socket?.CloseStatusDescription, ByPeer: true, WillReconnect: false));
    }

    /// <summary>
    /// Runs the close handshake we started, after the sends queued before it, bounded by the close timeout.
    /// Only our close frame is written here; the receive loop keeps reading (messages that still arrive are
    /// reported) until the peer's close frame.
    /// </summary>
    private async Task CloseHandshakeAsync(Connection connection)
    {
        EventDispatcher.DetachFromDelivery();
        var socket = connection.Socket!;
        using var timeout = new CancellationTokenSource(_options.CloseTimeout);
        var sendTurn = false;
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            sendTurn = true;
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token).ConfigureAwait(false);
            await socket.CloseReceived.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.CloseTimedOut(_logger, Url, _options.CloseTimeout);
            socket.Abort();
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            socket.Abort();
        }
        finally
        {
            if (sendTurn)
            {
                _sendLock.Release();
            }
        }

        FinishCycle(connection, new WebSocketCloseInfo(socket.CloseStatus, socket.CloseStatusDescription, ByPeer: false, WillReconnect: false), null);
    }

    /// <summary>
    /// Ends the cycle of <paramref name="connection"/> if it is still the current one, then disposes it: at once when it
    /// never connected, otherwise once <c>Websocket.Client</c> finished its part of the ending (see
    /// <see cref="Connection.DisposeWhenClientStoppedAsync"/>).
    /// </summary>
    private void FinishCycle(Connection connection, WebSocketCloseInfo close, WebSocketErrorInfo? error)
    {
        lock (_gate)
        {
            if (_current != connection)
            {
                return;
            }

            EndCycleNoLock(close, error, error?.Message ?? $"The connection to {Url} closed before it opened.");
        }

        _dispatcher.Drain();
        if (connection.Socket is null)
        {
            connection.Dispose();
        }
        else
        {
            _ = connection.DisposeWhenClientStoppedAsync(_options.CloseTimeout);
        }
    }

    /// <summary>Reports <paramref name="error"/>, moves to Closed, and schedules a reconnect when the policy says so.</summary>
    private void EndCycleNoLock(WebSocketCloseInfo close, WebSocketErrorInfo? error, string openFailure)
    {
        var connection = _current!;
        _current = null;

        // As in the seed, failures while closing are not errors: the close was asked for.
        if (error is not null && _status != WebSocketStatus.Closing)
        {
            _dispatcher.Enqueue(PendingEvent.ForError(error));
            Log.Error(_logger, Url, error.Kind, error.Message, error.Exception);
        }

        var nextAttempt = connection.WasOpen ? 1 : connection.ReconnectAttempt + 1;
        var reconnect = _options.Reconnect is { } policy
            && !connection.ClosingByUser
            && !_disposed
            && (connection.WasOpen || connection.ReconnectAttempt > 0)
            && nextAttempt <= policy.MaxAttempts;
        close = close with { WillReconnect = reconnect };

        SetStatusNoLock(WebSocketStatus.Closed, PendingEvent.ForClosed(close));
        Log.Closed(_logger, Url, close.Status, close.Description, close.ByPeer);

        // The tasks of OpenAsync and CloseAsync complete after the handlers of the events above ran.
        var (opened, closed) = (_opened, _closed);
        var failure = new WebSocketConnectException(openFailure, error?.Exception);
        _dispatcher.Enqueue(PendingEvent.After(() =>
        {
            if (opened?.TrySetException(failure) == true)
            {
                _ = opened.Task.Exception; // observed: OpenAsync may never be awaited
            }

            closed?.TrySetResult();
        }));

        if (reconnect)
        {
            ScheduleReconnectNoLock(nextAttempt);
        }
    }

    /// <summary>
    /// Whether the loss is the keep-alive timeout of <see cref="ClientWebSocket"/>: its timer aborts the socket, and the
    /// pending receive then fails with <c>OperationCanceledException("Aborted")</c> wrapping, among others, the
    /// <see cref="WebSocketException"/> raised by the keep-alive heartbeat, which names the keep-alive timeout.
    /// </summary>
    private static bool IsKeepAliveTimeout(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.TryPop(out var current))
        {
            if (current is WebSocketException
                && (current.Message.Contains("KeepAlive", StringComparison.OrdinalIgnoreCase)
                    || current.StackTrace?.Contains("KeepAlive", StringComparison.Ordinal) == true))
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }

    private static string Describe(Exception exception)
    {
        var message = exception.Message.TrimEnd('.');
        return exception.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) && inner.Message != exception.Message
            ? $"{message} ({inner.Message.TrimEnd('.')})."
            : message + ".";
    }
}
