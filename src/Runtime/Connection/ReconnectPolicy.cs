namespace CpWebSocket;

/// <summary>
/// When and how often to open a connection again after it was lost or an attempt failed: exponential backoff with
/// jitter, a bounded or unlimited number of attempts, a predicate that stops reconnecting (close codes that forbid it),
/// and, opt-in, retries of the first connect. Each attempt is reported through the lifecycle events
/// (<see cref="WebSocketEvent.Opening"/>, then <see cref="WebSocketEvent.Opened"/> or <see cref="WebSocketEvent.Error"/>
/// and <see cref="WebSocketEvent.Closed"/>, whose <see cref="WebSocketCloseInfo.WillReconnect"/> says whether another
/// follows). Sends made while disconnected fail; nothing queued is replayed on a new connection.
/// </summary>
/// <remarks>
/// A connection counts as back once it is ready: open, and its <c>OnOpened</c> hooks (a handshake) ran. A hook that
/// fails counts as a failed attempt. Each attempt's address and handshake headers can be chosen by an
/// <c>OnConnecting</c> hook, which sees the attempt's number, delay and cause.
/// </remarks>
/// <example>
/// <code language="csharp">
/// Reconnect = new ReconnectPolicy
/// {
///     MaxAttempts = ReconnectPolicy.Unlimited,
///     RetryFirstConnect = true,
///     ShouldReconnect = cause => cause.CloseCode is not (4004 or (>= 4010 and &lt;= 4014)),   // Discord: fatal codes
/// };
/// </code>
/// </example>
public sealed class ReconnectPolicy
{
    /// <summary>The value of <see cref="MaxAttempts"/> that never stops trying.</summary>
    public const int Unlimited = -1;

    /// <summary>
    /// The most attempts in a row before giving up, counted afresh once a connection was ready; <see cref="Unlimited"/>
    /// (-1) never gives up. Default 5.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first attempt; each next one doubles it. Default 500 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest delay between attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The share of each delay that is random, from 0 (none) to 1: a delay <c>d</c> becomes a value in
    /// <c>[d × (1 − Jitter), d]</c>, so clients that lost the same server do not return at once. Default 0.5.
    /// </summary>
    public double Jitter { get; set; } = 0.5;

    /// <summary>
    /// Whether a first connect that fails (the connect, or an <c>OnOpened</c> hook) is retried like a lost connection.
    /// <c>OpenAsync</c> then completes once an attempt is ready, or fails when the policy gives up. Default
    /// <see langword="false"/>: a failed <c>Open</c> ends in <see cref="WebSocketStatus.Closed"/>, as in the seed.
    /// </summary>
    public bool RetryFirstConnect { get; set; }

    /// <summary>
    /// Decides, after each loss or failed attempt, whether to reconnect at all: <see langword="false"/> stops (the
    /// <see cref="WebSocketEvent.Closed"/> says <see cref="WebSocketCloseInfo.WillReconnect"/> false). Use it for close
    /// codes that forbid reconnecting (Discord's 4004 and 4010 to 4014, OBS's 4009) or errors that will not go away.
    /// <see langword="null"/> (the default) always reconnects, within <see cref="MaxAttempts"/>. It runs on the thread that
    /// ends the connection: keep it quick, and do not call the connection from it. An exception it throws stops
    /// reconnecting and is reported as an <see cref="WebSocketErrorKind.Callback"/> error.
    /// </summary>
    public Func<ReconnectCause, bool>? ShouldReconnect { get; set; }

    /// <summary>The delay before attempt <paramref name="attempt"/> (1-based), jitter applied.</summary>
    /// <param name="attempt">The attempt number, from 1.</param>
    /// <param name="random">The source of jitter; <see cref="Random.Shared"/> when <see langword="null"/>.</param>
    /// <returns>How long to wait before that attempt.</returns>
    public TimeSpan GetDelay(int attempt, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var jittered = ceiling * (1 - (Jitter * (random ?? Random.Shared).NextDouble()));
        return TimeSpan.FromMilliseconds(jittered);
    }

    /// <summary>Whether attempt <paramref name="attempt"/> (1-based) is within <see cref="MaxAttempts"/>.</summary>
    internal bool Allows(int attempt) => MaxAttempts == Unlimited || attempt <= MaxAttempts;

    internal void Validate()
    {
        if (MaxAttempts < 1 && MaxAttempts != Unlimited)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1, or ReconnectPolicy.Unlimited (-1).");
        }

        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialDelay), "InitialDelay must be non-negative and MaxDelay at least InitialDelay.");
        }

        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "Jitter must be between 0 and 1.");
        }
    }
}
