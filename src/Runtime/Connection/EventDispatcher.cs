namespace CpWebSocket;

/// <summary>
/// Delivers events one at a time, in the order they were posted, without a dedicated thread: the thread
/// that posts into an idle dispatcher delivers inline (so a received message reaches its callback on the
/// receive loop's thread, with no hop); a thread that posts while another delivers only enqueues, and the
/// delivering thread picks the event up. A delivery that returns an unfinished task (an async handler)
/// holds back the events behind it until it completes. Events raised while an event is delivered (a handler's
/// fault, a message error, a close called from a callback) are delivered next, before events that arrived meanwhile.
/// </summary>
internal sealed class EventDispatcher
{
    // A queue left this long by a burst gives its array back once it is empty again.
    private const int RetainedLength = 32;

    // Flows into the async continuations of a delivery, so events they raise are recognised as its follow-ups.
    private static readonly AsyncLocal<EventDispatcher?> Delivering = new();

    // Both queues are guarded by locking _queue. They start empty and grow on demand, so an idle connection holds a
    // few slots, not the 32-slot segment a ConcurrentQueue allocates up front (over 3 KiB for this struct).
    private readonly Queue<PendingEvent> _queue = new();
    private readonly Func<PendingEvent, ValueTask> _deliver;
    private readonly Action<Exception> _onDeliveryFault;
    private Queue<PendingEvent>? _followUps;
    private int _longestQueue;
    private int _delivering;

    /// <param name="deliver">Delivers one event; must not throw for user faults (it reports them itself).</param>
    /// <param name="onDeliveryFault">Told about an exception that escaped <paramref name="deliver"/> or its task.</param>
    public EventDispatcher(Func<PendingEvent, ValueTask> deliver, Action<Exception> onDeliveryFault)
    {
        _deliver = deliver;
        _onDeliveryFault = onDeliveryFault;
    }

    /// <summary>
    /// Called first by background work (connect, close, reconnect) that a handler may have started: what that
    /// work raises later is not a follow-up of the handler's event and takes its turn in the main queue.
    /// </summary>
    public static void DetachFromDelivery() => Delivering.Value = null;

    /// <summary>Queues an event without delivering it; call <see cref="Drain"/> once out of any lock.</summary>
    public void Enqueue(in PendingEvent pending)
    {
        var isFollowUp = Delivering.Value == this;
        lock (_queue)
        {
            var queue = isFollowUp ? _followUps ??= new Queue<PendingEvent>() : _queue;
            queue.Enqueue(pending);
            _longestQueue = Math.Max(_longestQueue, queue.Count);
        }
    }

    /// <summary>Queues an event and delivers it now if no other thread is delivering.</summary>
    public void Post(in PendingEvent pending)
    {
        Enqueue(pending);
        Drain();
    }

    /// <summary>Delivers queued events on this thread, unless another thread already is.</summary>
    public void Drain()
    {
        while (HasQueued() && Interlocked.CompareExchange(ref _delivering, 1, 0) == 0)
        {
            if (!DeliverQueued())
            {
                return; // an async delivery owns the dispatcher until it completes
            }

            Volatile.Write(ref _delivering, 0);
        }
    }

    /// <summary>Delivers until the queue is empty (true) or a delivery goes asynchronous (false).</summary>
    private bool DeliverQueued()
    {
        while (TryDequeue(out var pending))
        {
            ValueTask delivery;
            Delivering.Value = this;
            try
            {
                delivery = _deliver(pending);
            }
            catch (Exception ex)
            {
                Release(pending);
                _onDeliveryFault(ex);
                continue;
            }
            finally
            {
                Delivering.Value = null;
            }

            if (!delivery.IsCompleted)
            {
                _ = ResumeAfterAsync(delivery, pending);
                return false;
            }

            Complete(delivery, pending);
        }

        return true;
    }

    private bool HasQueued()
    {
        lock (_queue)
        {
            return _queue.Count > 0 || _followUps is { Count: > 0 };
        }
    }

    /// <summary>Takes the next event: follow-ups first, then the main queue.</summary>
    private bool TryDequeue(out PendingEvent pending)
    {
        lock (_queue)
        {
            if (_followUps is { Count: > 0 } followUps)
            {
                pending = followUps.Dequeue();
                return true;
            }

            if (_queue.TryDequeue(out pending))
            {
                return true;
            }

            if (_longestQueue > RetainedLength)
            {
                _queue.TrimExcess();
                _followUps = null;
                _longestQueue = 0;
            }

            return false;
        }
    }

    private async Task ResumeAfterAsync(ValueTask delivery, PendingEvent pending)
    {
        Delivering.Value = this;
        try
        {
            await delivery.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _onDeliveryFault(ex);
        }
        finally
        {
            Release(pending);
        }

        Delivering.Value = null;
        if (DeliverQueued())
        {
            Volatile.Write(ref _delivering, 0);
            Drain();
        }
    }

    private void Complete(ValueTask delivery, in PendingEvent pending)
    {
        try
        {
            delivery.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            _onDeliveryFault(ex);
        }
        finally
        {
            Release(pending);
        }
    }

    private static void Release(in PendingEvent pending) => pending.MessageOwner?.Dispose();
}
