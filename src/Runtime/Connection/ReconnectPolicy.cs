namespace CpWebSocket;

/// <summary>
/// When and how often to reconnect after an open connection is lost: exponential backoff with jitter,
/// a bounded number of attempts. Each attempt is reported through the lifecycle events
/// (<see cref="WebSocketEvent.Opening"/>, then <see cref="WebSocketEvent.Opened"/> or
/// <see cref="WebSocketEvent.Error"/> and <see cref="WebSocketEvent.Closed"/>).
/// Sends made while disconnected fail; nothing queued is replayed on a new connection.
/// </summary>
public sealed class ReconnectPolicy
{
    /// <summary>The most attempts after one loss. Default 5.</summary>
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

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
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
