namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    private CancellationTokenSource? _reconnectDelay;

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
