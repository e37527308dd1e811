namespace CpWebSocket.Tests.Server;

/// <summary>
/// Every request the test server handled, in arrival order, and a way to await the one a test made.
/// </summary>
/// <remarks>
/// Tests that share one server should put a unique <c>tag</c> query parameter on their URL and wait for that tag:
/// a connection left unclaimed by an earlier test would otherwise be handed to a later one.
/// </remarks>
public sealed class ServerEventLog
{
    private readonly object _gate = new();
    private readonly List<ServerConnectionLog> _connections = [];
    private readonly HashSet<int> _claimed = [];
    private readonly List<PendingClaim> _pending = [];
    private int _nextId;

    /// <summary>A snapshot of every connection so far, in arrival order.</summary>
    public IReadOnlyList<ServerConnectionLog> Connections
    {
        get
        {
            lock (_gate)
            {
                return _connections.ToArray();
            }
        }
    }

    /// <summary>
    /// Returns the oldest connection to <paramref name="path"/> (and <paramref name="tag"/>, when given) that no earlier
    /// call returned, waiting for it to arrive if needed.
    /// </summary>
    /// <param name="path">The endpoint path, for example <c>/record</c>. A query string on it is ignored except for its <c>tag</c>.</param>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    /// <param name="tag">The <c>tag</c> query parameter to match; null matches any.</param>
    public async Task<ServerConnectionLog> WaitForConnectionAsync(string path, TimeSpan timeout, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = string.Empty;
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            query = path[queryStart..];
            path = path[..queryStart];
        }

        tag ??= QueryTag(query);
        var claim = new PendingClaim(Normalize(path), tag);
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                if (!_claimed.Contains(connection.Id) && claim.Matches(connection))
                {
                    _claimed.Add(connection.Id);
                    return connection;
                }
            }

            _pending.Add(claim);
        }

        try
        {
            return await claim.Done.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _pending.Remove(claim);
            }

            // A connection may have been handed over between the timeout and the removal.
            if (claim.Done.Task.IsCompletedSuccessfully)
            {
                return claim.Done.Task.Result;
            }

            throw new TimeoutException(
                $"Timed out after {timeout} waiting for a connection to {claim.Path}{(tag is null ? string.Empty : $" tagged '{tag}'")}; seen: [{string.Join("; ", Connections)}].");
        }
    }

    internal ServerConnectionLog Open(string path, string query, IReadOnlyDictionary<string, string> requestHeaders)
    {
        PendingClaim? claimant = null;
        ServerConnectionLog connection;
        lock (_gate)
        {
            connection = new ServerConnectionLog(++_nextId, Normalize(path), query, QueryTag(query), requestHeaders);
            _connections.Add(connection);
            foreach (var pending in _pending)
            {
                if (pending.Matches(connection))
                {
                    claimant = pending;
                    _pending.Remove(pending);
                    _claimed.Add(connection.Id);
                    break;
                }
            }
        }

        claimant?.Done.TrySetResult(connection);
        return connection;
    }

    private static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;

    private static string? QueryTag(string query)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return values.TryGetValue("tag", out var tag) && tag.Count > 0 ? tag[0] : null;
    }

    private sealed class PendingClaim(string path, string? tag)
    {
        public string Path { get; } = path;

        public TaskCompletionSource<ServerConnectionLog> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(ServerConnectionLog connection) =>
            string.Equals(connection.Path, Path, StringComparison.OrdinalIgnoreCase)
            && (tag is null || string.Equals(connection.Tag, tag, StringComparison.Ordinal));
    }
}
