namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    private CancellationTokenSource? _reconnectDelay;

    // Guarded by _gate: completes once the Closed that ended a cancelled reconnect was delivered; null once a cycle starts.
    private Task? _finalClose;

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

    private void ScheduleReconnectNoLock(int attempt)
    {
        var policy = _options.Reconnect!;
        var delay = policy.GetDelay(attempt);
        Log.Reconnecting(_logger, Url, attempt, policy.MaxAttempts, delay);
        _reconnectDelay = new CancellationTokenSource();
        _ = ReconnectAfterAsync(attempt, delay, _reconnectDelay.Token);
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
        _finalClose = delivered.Task;
        _dispatcher.Enqueue(PendingEvent.ForClosed(new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false)));
        _dispatcher.Enqueue(PendingEvent.After(delivered.SetResult));
        Log.ReconnectCancelled(_logger, Url);
        return delivered.Task;
    }

    private void CancelReconnectNoLock()
    {
        _reconnectDelay?.Cancel();
        _reconnectDelay?.Dispose();
        _reconnectDelay = null;
    }

    private async Task ReconnectAfterAsync(int attempt, TimeSpan delay, CancellationToken cancellationToken)
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
            started = StartCycleNoLock(attempt);
        }

        _dispatcher.Drain();
        Start(started);
    }
}
