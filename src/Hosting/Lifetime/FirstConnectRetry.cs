using Microsoft.Extensions.Logging;

namespace CpWebSocket.Hosting.Lifetime;

/// <summary>
/// Retries a first connect that failed, at the delays of the connection's <see cref="ReconnectPolicy"/> and at most its
/// <see cref="ReconnectPolicy.MaxAttempts"/> times, until the connection has opened once; from then on the connection's
/// own reconnection takes over. <see cref="HttpWebSocket"/> reconnects only after a loss today: once its policy can
/// retry the first connect itself, this class goes and the hosted lifetime only calls <see cref="HttpWebSocket.Open"/>
/// with that option set.
/// </summary>
/// <remarks>
/// The <see cref="Health.ConnectionWatch"/> asks it, from its own <c>Closed</c> handler, whether a retry follows a
/// <c>Closed</c> event (<see cref="TrySchedule"/>), so that the health check never reads "closed for good" between the
/// event and the decision.
/// </remarks>
internal sealed partial class FirstConnectRetry : IDisposable
{
    private readonly object _gate = new();
    private readonly HttpWebSocket _connection;
    private readonly ReconnectPolicy _policy;
    private readonly ILogger _logger;
    private readonly string _client;
    private readonly CancellationTokenSource _stopping = new();
    private int _attempt;
    private bool _connectFailed;
    private bool _done;
    private bool _disposed;

    /// <summary>Starts watching <paramref name="connection"/>; call before its first <see cref="HttpWebSocket.Open"/>.</summary>
    /// <param name="connection">The connection to open.</param>
    /// <param name="policy">The delays and the number of attempts.</param>
    /// <param name="logger">Where each retry is logged.</param>
    /// <param name="client">How logs name the client.</param>
    public FirstConnectRetry(HttpWebSocket connection, ReconnectPolicy policy, ILogger logger, string client)
    {
        _connection = connection;
        _policy = policy;
        _logger = logger;
        _client = client;
        connection.Opening += OnOpening;
        connection.Opened += OnOpened;
        connection.Error += OnError;
    }

    /// <summary>Stops retrying: the host is stopping, or the client is going away.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Finish();
        }

        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void OnOpening()
    {
        lock (_gate)
        {
            _connectFailed = false;
        }
    }

    private void OnOpened()
    {
        lock (_gate)
        {
            Finish();
        }
    }

    private void OnError(WebSocketErrorInfo error)
    {
        if (error.Kind == WebSocketErrorKind.Connect)
        {
            lock (_gate)
            {
                _connectFailed = true;
            }
        }
    }

    /// <summary>Schedules a retry after a <c>Closed</c> event, when that event ended a first connect that failed.</summary>
    /// <param name="close">How the connection closed.</param>
    /// <returns>Whether a retry was scheduled.</returns>
    public bool TrySchedule(WebSocketCloseInfo close)
    {
        int attempt;
        TimeSpan delay;
        CancellationToken stopping;
        lock (_gate)
        {
            // Only a connect that failed is retried: a Closed without a connect error is Close() called while opening.
            if (_done || close.WillReconnect || !_connectFailed)
            {
                Finish();
                return false;
            }

            attempt = ++_attempt;
            if (attempt > _policy.MaxAttempts)
            {
                Finish();
            }

            // Taken under the lock: Dispose() marks this done before it disposes the source.
            stopping = _stopping.Token;
        }

        if (attempt > _policy.MaxAttempts)
        {
            GaveUp(_logger, _client, attempt);
            return false;
        }

        delay = _policy.GetDelay(attempt);
        Retrying(_logger, _client, attempt, _policy.MaxAttempts, delay);
        _ = RetryAfterAsync(delay, stopping);
        return true;
    }

    private async Task RetryAfterAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }
            }

            _connection.Open();
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
        catch (ObjectDisposedException)
        {
            // The client was disposed while waiting.
        }
    }

    /// <summary>No more retries; stops following the connection's events.</summary>
    private void Finish()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        _connection.Opening -= OnOpening;
        _connection.Opened -= OnOpened;
        _connection.Error -= OnError;
    }

    [LoggerMessage(101, LogLevel.Information, "{Client}: the first connect failed; attempt {Attempt} of {MaxAttempts} in {Delay}", EventName = "FirstConnectRetry")]
    private static partial void Retrying(ILogger logger, string client, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(102, LogLevel.Warning, "{Client}: could not connect in {Attempts} attempts; it stays closed", EventName = "FirstConnectGaveUp")]
    private static partial void GaveUp(ILogger logger, string client, int attempts);
}
