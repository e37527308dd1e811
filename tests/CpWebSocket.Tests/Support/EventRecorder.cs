namespace CpWebSocket.Tests.Support;

/// <summary>
/// Records what the rich callback receives, and lets a test wait for an event without timing assumptions.
/// Also checks that callbacks never overlap.
/// </summary>
public sealed class EventRecorder
{
    /// <summary>Generous enough for a loaded two-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly List<RecordedEvent> _events = new();
    private readonly List<(Func<IReadOnlyList<RecordedEvent>, bool> Condition, TaskCompletionSource Done)> _waiters = new();
    private int _inCallback;

    /// <summary>Runs inside the callback, after the event was recorded.</summary>
    public Action<HttpWebSocket?, RecordedEvent>? OnEvent { get; set; }

    /// <summary>Set by the test so <see cref="OnEvent"/> can act on the connection.</summary>
    public HttpWebSocket? Socket { get; set; }

    /// <summary>True if two callbacks ever ran at the same time.</summary>
    public bool Overlapped { get; private set; }

    /// <summary>Every event so far.</summary>
    public IReadOnlyList<RecordedEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>The sequence of event kinds so far.</summary>
    public IReadOnlyList<WebSocketEvent> Kinds => Events.Select(e => e.Event).ToArray();

    /// <summary>The callback to hand to <see cref="HttpWebSocket"/>.</summary>
    public void Callback(WebSocketEvent @event, in WebSocketEventData data)
    {
        if (Interlocked.Increment(ref _inCallback) > 1)
        {
            Overlapped = true;
        }

        try
        {
            var recorded = new RecordedEvent(
                @event,
                @event == WebSocketEvent.Message ? data.Message.Kind : null,
                @event == WebSocketEvent.Message ? data.Message.Data.ToArray() : null,
                data.Error,
                data.Close,
                Socket?.Status ?? WebSocketStatus.Closed);
            List<TaskCompletionSource> done;
            lock (_gate)
            {
                _events.Add(recorded);
                var snapshot = _events.ToArray();
                done = _waiters.Where(w => w.Condition(snapshot)).Select(w => w.Done).ToList();
                _waiters.RemoveAll(w => done.Contains(w.Done));
            }

            foreach (var completion in done)
            {
                completion.TrySetResult();
            }

            OnEvent?.Invoke(Socket, recorded);
        }
        finally
        {
            Interlocked.Decrement(ref _inCallback);
        }
    }

    /// <summary>Waits until the events so far satisfy <paramref name="condition"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<RecordedEvent>, bool> condition, string description)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_events))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Timeout} for {description}; events so far: {string.Join(", ", Events)}");
        }
    }

    /// <summary>Waits for the <paramref name="count"/>-th event of kind <paramref name="event"/>.</summary>
    public Task WaitForAsync(WebSocketEvent @event, int count = 1) =>
        WaitUntilAsync(events => events.Count(e => e.Event == @event) >= count, $"{count} {@event} event(s)");

    /// <summary>The events of one kind.</summary>
    public IReadOnlyList<RecordedEvent> Of(WebSocketEvent @event) => Events.Where(e => e.Event == @event).ToArray();
}
