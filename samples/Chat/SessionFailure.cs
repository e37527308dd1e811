namespace Samples.Chat;

/// <summary>The first thing that went wrong in a session; every wait of the session stops on it.</summary>
internal sealed class SessionFailure : IDisposable
{
    private readonly CancellationTokenSource _failed = new();
    private string? _reason;

    /// <summary>Cancelled once the session has failed.</summary>
    public CancellationToken Token => _failed.Token;

    /// <summary>Why the session failed, or <see langword="null"/> while it has not.</summary>
    public string? Reason => Volatile.Read(ref _reason);

    /// <summary>Records <paramref name="reason"/> unless an earlier failure was recorded, and stops the waits.</summary>
    public void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
        {
            // Called from event handlers: the waits resume on the thread pool, not inside the handler.
            _ = _failed.CancelAsync();
        }
    }

    public void Dispose() => _failed.Dispose();
}
