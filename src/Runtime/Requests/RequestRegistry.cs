namespace CpWebSocket.Messaging;

/// <summary>The requests of one client that wait for their responses, by id.</summary>
internal sealed class RequestRegistry
{
    private readonly Dictionary<long, PendingRequest> _pending = [];
    private long _lastId;
    private int _count;

    /// <summary>How many requests wait; read without a lock, to skip the id lookup when none does.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>A new id: ids count up from 1 and are never reused by this client.</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);

    public void Add(PendingRequest request)
    {
        lock (_pending)
        {
            _pending.Add(request.Id, request);
            _count = _pending.Count;
        }
    }

    public bool TryGet(long id, out PendingRequest? request)
    {
        lock (_pending)
        {
            return _pending.TryGetValue(id, out request);
        }
    }

    public bool TryRemove(long id, out PendingRequest? request)
    {
        lock (_pending)
        {
            var removed = _pending.Remove(id, out request);
            _count = _pending.Count;
            return removed;
        }
    }

    /// <summary>Removes every waiting request and fails each with the exception <paramref name="failure"/> makes for it.</summary>
    public void FailAll(Func<PendingRequest, Exception> failure)
    {
        PendingRequest[] failed;
        lock (_pending)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            failed = [.. _pending.Values];
            _pending.Clear();
            _count = 0;
        }

        foreach (var request in failed)
        {
            request.Fail(failure(request));
        }
    }
}
