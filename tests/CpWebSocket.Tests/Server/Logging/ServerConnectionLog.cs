using System.Net.WebSockets;
using System.Text;

namespace CpWebSocket.Tests.Server;

/// <summary>
/// What the test server saw on one request to one of its endpoints: the messages it received,
/// the close frames exchanged, and how the connection ended. Thread-safe; every read is a snapshot.
/// </summary>
public sealed class ServerConnectionLog
{
    private readonly object _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly List<Waiter> _waiters = [];
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool _accepted;
    private string? _subProtocol;
    private bool _closeReceived;
    private WebSocketCloseStatus? _clientCloseStatus;
    private string? _clientCloseDescription;
    private bool _closeAnswered;
    private bool _closeSent;
    private WebSocketCloseStatus? _serverCloseStatus;
    private string? _serverCloseDescription;
    private long _bytesSent;
    private long? _bytesSentWhenCloseReceived;
    private bool _aborted;
    private Exception? _error;

    internal ServerConnectionLog(int id, string path, string query, string? tag, IReadOnlyDictionary<string, string> requestHeaders)
    {
        Id = id;
        Path = path;
        Query = query;
        Tag = tag;
        RequestHeaders = requestHeaders;
    }

    /// <summary>A number unique within one <see cref="TestServer"/>, in arrival order.</summary>
    public int Id { get; }

    /// <summary>The request path, for example <c>/echo</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string including the leading <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>The value of the <c>tag</c> query parameter, which tests use to find their own connection.</summary>
    public string? Tag { get; }

    /// <summary>The request headers, names lower-cased, repeated values joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; }

    /// <summary>True once the websocket upgrade was accepted.</summary>
    public bool Accepted { get { lock (_gate) { return _accepted; } } }

    /// <summary>The subprotocol the server accepted, if any.</summary>
    public string? SubProtocol { get { lock (_gate) { return _subProtocol; } } }

    /// <summary>A snapshot of every whole message received, in order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages { get { lock (_gate) { return _messages.ToArray(); } } }

    /// <summary>How many whole messages were received so far.</summary>
    public int MessageCount { get { lock (_gate) { return _messages.Count; } } }

    /// <summary>True once a close frame from the client was received.</summary>
    public bool CloseReceived { get { lock (_gate) { return _closeReceived; } } }

    /// <summary>The status code in the client's close frame (<see cref="WebSocketCloseStatus.Empty"/> when it carried none).</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get { lock (_gate) { return _clientCloseStatus; } } }

    /// <summary>The reason text in the client's close frame.</summary>
    public string? ClientCloseDescription { get { lock (_gate) { return _clientCloseDescription; } } }

    /// <summary>True once the server answered the client's close frame with its own.</summary>
    public bool CloseAnswered { get { lock (_gate) { return _closeAnswered; } } }

    /// <summary>True once the server started a close handshake of its own (the <c>/close</c> endpoint, or a message too large).</summary>
    public bool CloseSent { get { lock (_gate) { return _closeSent; } } }

    /// <summary>The status code of the close frame the server started a handshake with.</summary>
    public WebSocketCloseStatus? ServerCloseStatus { get { lock (_gate) { return _serverCloseStatus; } } }

    /// <summary>The reason text of the close frame the server started a handshake with.</summary>
    public string? ServerCloseDescription { get { lock (_gate) { return _serverCloseDescription; } } }

    /// <summary>Payload bytes the server handed to the socket and whose send completed.</summary>
    public long BytesSent { get { lock (_gate) { return _bytesSent; } } }

    /// <summary>The value of <see cref="BytesSent"/> at the moment the client's close frame was read, or null before that.</summary>
    public long? BytesSentWhenCloseReceived { get { lock (_gate) { return _bytesSentWhenCloseReceived; } } }

    /// <summary>True when the server dropped the TCP connection on purpose, without a close frame (<c>/drop</c>).</summary>
    public bool Aborted { get { lock (_gate) { return _aborted; } } }

    /// <summary>The exception the handler ended with, if any (for example, the client vanished).</summary>
    public Exception? Error { get { lock (_gate) { return _error; } } }

    /// <summary>True once the endpoint's handler has returned.</summary>
    public bool IsCompleted => _completed.Task.IsCompleted;

    /// <summary>Completes when the endpoint's handler has returned.</summary>
    public Task Completion => _completed.Task;

    /// <summary>Waits until at least <paramref name="count"/> messages were received, then returns a snapshot of them.</summary>
    /// <param name="count">The number of messages to wait for.</param>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        await WaitUntilAsync(log => log.MessageCount >= count, timeout, $"{count} messages").ConfigureAwait(false);
        return Messages;
    }

    /// <summary>Waits until the client's close frame was received.</summary>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    public Task WaitForCloseReceivedAsync(TimeSpan timeout) =>
        WaitUntilAsync(log => log.CloseReceived, timeout, "the client's close frame");

    /// <summary>Waits until the endpoint's handler has returned.</summary>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    public Task WaitForCompletionAsync(TimeSpan timeout) =>
        WaitUntilAsync(log => log.IsCompleted, timeout, "the handler to return");

    /// <summary>Waits until <paramref name="condition"/> holds; it is checked now and after every change to this log.</summary>
    /// <param name="condition">The condition over this log.</param>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    /// <param name="description">What is awaited, for the timeout message.</param>
    public async Task WaitUntilAsync(Func<ServerConnectionLog, bool> condition, TimeSpan timeout, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var waiter = new Waiter(condition);
        lock (_gate)
        {
            if (condition(this))
            {
                return;
            }

            _waiters.Add(waiter);
        }

        try
        {
            await waiter.Done.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException($"Timed out after {timeout} waiting for {description ?? "a condition"} on {this}.");
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            text.Append("connection #").Append(Id).Append(' ').Append(Path).Append(Query)
                .Append(": accepted=").Append(_accepted)
                .Append(", messages=").Append(_messages.Count)
                .Append(", closeReceived=").Append(_closeReceived);
            if (_closeReceived)
            {
                text.Append(" (").Append(_clientCloseStatus).Append(" '").Append(_clientCloseDescription).Append("')");
            }

            text.Append(", closeAnswered=").Append(_closeAnswered)
                .Append(", closeSent=").Append(_closeSent)
                .Append(", bytesSent=").Append(_bytesSent)
                .Append(", aborted=").Append(_aborted)
                .Append(", completed=").Append(_completed.Task.IsCompleted);
            if (_error is not null)
            {
                text.Append(", error=").Append(_error.GetType().Name).Append(": ").Append(_error.Message);
            }

            return text.ToString();
        }
    }

    internal void RecordAccepted(string? subProtocol) => Update(() =>
    {
        _accepted = true;
        _subProtocol = subProtocol;
    });

    internal void RecordMessage(ReceivedMessage message) => Update(() => _messages.Add(message));

    internal void RecordCloseReceived(WebSocketCloseStatus? status, string? description) => Update(() =>
    {
        if (_closeReceived)
        {
            return;
        }

        _closeReceived = true;
        _clientCloseStatus = status ?? WebSocketCloseStatus.Empty;
        _clientCloseDescription = description;
        _bytesSentWhenCloseReceived = _bytesSent;
    });

    internal void RecordCloseAnswered() => Update(() => _closeAnswered = true);

    internal void RecordCloseSent(WebSocketCloseStatus status, string? description) => Update(() =>
    {
        _closeSent = true;
        _serverCloseStatus = status;
        _serverCloseDescription = description;
    });

    internal void RecordBytesSent(long count) => Update(() => _bytesSent += count);

    internal void RecordAborted() => Update(() => _aborted = true);

    internal void RecordError(Exception error) => Update(() => _error ??= error);

    internal void Complete()
    {
        _completed.TrySetResult();
        Update(static () => { });
    }

    private void Update(Action change)
    {
        List<Waiter>? satisfied = null;
        lock (_gate)
        {
            change();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(this))
                {
                    (satisfied ??= []).Add(_waiters[i]);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Continuations run asynchronously, so completing outside the lock keeps handlers unblocked.
        satisfied?.ForEach(static waiter => waiter.Done.TrySetResult());
    }

    private sealed class Waiter(Func<ServerConnectionLog, bool> condition)
    {
        public Func<ServerConnectionLog, bool> Condition { get; } = condition;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
