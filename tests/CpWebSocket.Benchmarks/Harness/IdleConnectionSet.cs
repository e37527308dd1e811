namespace CpWebSocket.Benchmarks.Harness;

/// <summary>Connections of one kind to the echo endpoint, all open at once with default options, then closed with close handshakes.</summary>
public abstract class IdleConnectionSet
{
    // Opens in flight at once: well under Kestrel's listen backlog, so no connect waits on a SYN retry.
    private const int ConcurrentOpens = 50;

    /// <summary>Opens <paramref name="count"/> connections of <paramref name="kind"/> to <paramref name="echo"/>.</summary>
    public static async Task<IdleConnectionSet> OpenAsync(IdleConnectionKind kind, Uri echo, int count) => kind switch
    {
        IdleConnectionKind.ClientWebSocket => await BareSocketSet.OpenAsync(echo, count).ConfigureAwait(false),
        IdleConnectionKind.HttpWebSocket => await HttpWebSocketSet.OpenAsync(echo, count).ConfigureAwait(false),
        IdleConnectionKind.TypedClient => await TypedClientSet.OpenAsync(echo, count).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>How many of the connections are open now.</summary>
    public abstract int CountOpen();

    /// <summary>Closes every connection with a close handshake; throws when one did not end with a normal close.</summary>
    public abstract Task CloseAsync();

    /// <summary>Runs <paramref name="open"/> <paramref name="count"/> times, at most <see cref="ConcurrentOpens"/> at once.</summary>
    protected static async Task<T[]> OpenAllAsync<T>(int count, Func<Task<T>> open)
    {
        var opened = new T[count];
        using var gate = new SemaphoreSlim(ConcurrentOpens);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                opened[i] = await open().ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return opened;
    }

    /// <summary>Throws unless every one of <paramref name="closes"/> is a normal close this side started.</summary>
    protected static void EnsureClosedNormally(IReadOnlyCollection<WebSocketCloseInfo> closes, string kind)
    {
        var failed = closes.Count(close => close != new WebSocketCloseInfo(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, string.Empty, ByPeer: false, WillReconnect: false));
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {closes.Count} {kind} connections did not close with a normal close handshake: {closes.First(c => c.Status != System.Net.WebSockets.WebSocketCloseStatus.NormalClosure)}.");
        }
    }
}
