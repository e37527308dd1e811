namespace CpWebSocket.Tests.Messaging.EndToEnd;

/// <summary>Collects what a typed client reports, in order, and waits for it with a generous timeout.</summary>
public sealed class Inbox
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly object _gate = new();
    private readonly List<object> _items = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = new();

    public IReadOnlyList<object> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToArray();
            }
        }
    }

    public void Add(object item)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            _items.Add(item);
            done = _waiters.Where(w => _items.Count >= w.Count).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => _items.Count >= w.Count);
        }

        done.ForEach(d => d.TrySetResult());
    }

    public async Task<IReadOnlyList<object>> WaitForAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_items.Count >= count)
            {
                return _items.ToArray();
            }

            _waiters.Add((count, done));
        }

        try
        {
            await done.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Timeout} for {count} items; got: {string.Join(", ", Items)}");
        }

        return Items;
    }
}
