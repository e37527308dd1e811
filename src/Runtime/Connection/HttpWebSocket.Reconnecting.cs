namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    private CancellationTokenSource? _reconnectDelay;

    // Guarded by _gate: completes once the Closed that ended a cancelled reconnect was delivered; null once a cycle starts.
    private Task? _finalClose;

    // Guarded by _gate: an OpenAsync that waits for the next attempt, after the attempts before it failed.
    private TaskCompletionSource? _carriedOpen;

    /// <summary>Whether a reconnect is scheduled and has not started yet.</summary>
    internal bool IsReconnectPending
    {
        get
        {
            lock (_gate)
            {
                return _reconnectDelay is not null;
            }
        }
    }

    private void ScheduleReconnectNoLock(int attempt, ReconnectCause cause)
    {
        var policy = _options.Reconnect!;
        var delay = policy.GetDelay(attempt);
        Log.Reconnecting(_logger, Url, attempt, policy.MaxAttempts, delay, cause.ToString());
        _reconnectDelay = new CancellationTokenSource();
        _ = ReconnectAfterAsync(attempt, delay, cause, _reconnectDelay.Token);
    }

    /// <summary>
    /// Close or dispose while a reconnect waits (guarded): the reconnect is cancelled and the connection is closed for
    /// good, which a last <c>Closed</c> (<see cref="WebSocketCloseInfo.WillReconnect"/> false) says, so that streams end
    /// and nobody waits for an attempt that will not come. Returns the task that completes once it was delivered, or
    /// <see langword="null"/> when no reconnect was pending.
    /// </summary>
    private Task? EndPendingReconnectNoLock()
    {
        if (_reconnectDelay is null)
        {
            return null;
        }

        CancelReconnectNoLock();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waitingOpen = _carriedOpen;
        _carriedOpen = null;
        _finalClose = delivered.Task;
        var close = new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false);
        _dispatcher.Enqueue(PendingEvent.ForClosed(close));
        _dispatcher.Enqueue(PendingEvent.After(() =>
        {
            if (waitingOpen is not null && waitingOpen.TrySetException(new WebSocketConnectException(
                $"The connection to {Url} was closed while it waited to reconnect, before any attempt was ready.")))
            {
                _ = waitingOpen.Task.Exception; // observed: OpenAsync may never be awaited
            }

            delivered.SetResult();
        }));
        Log.ReconnectCancelled(_logger, Url);
        return delivered.Task;
    }

    private void CancelReconnectNoLock()
    {
        _reconnectDelay?.Cancel();
        _reconnectDelay?.Dispose();
        _reconnectDelay = null;
    }

    private async Task ReconnectAfterAsync(int attempt, TimeSpan delay, ReconnectCause cause, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // Close(), Open() or disposal came first
        }

        ConnectionCycle? started;
        lock (_gate)
        {
            if (cancellationToken.IsCancellationRequested || _disposed || _status != WebSocketStatus.Closed)
            {
                return;
            }

            _reconnectDelay?.Dispose();
            _reconnectDelay = null;
            started = StartCycleNoLock(attempt, delay, cause);
        }

        _dispatcher.Drain();
        Start(started);
    }
}
