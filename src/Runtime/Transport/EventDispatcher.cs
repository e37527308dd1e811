using System.Collections.Concurrent;

namespace CpWebSocket.Transport;

/// <summary>
/// Delivers events one at a time, in the order they were posted, without a dedicated thread: the thread
/// that posts into an idle dispatcher delivers inline (so a received message reaches its callback on the
/// receive loop's thread, with no hop); a thread that posts while another delivers only enqueues, and the
/// delivering thread picks the event up. A delivery that returns an unfinished task (an async handler)
/// holds back the events behind it until it completes.
/// </summary>
internal sealed class EventDispatcher
{
    private readonly ConcurrentQueue<PendingEvent> _queue = new();
    private readonly Func<PendingEvent, ValueTask> _deliver;
    private readonly Action<Exception> _onDeliveryFault;
    private int _delivering;

    /// <param name="deliver">Delivers one event; must not throw for user faults (it reports them itself).</param>
    /// <param name="onDeliveryFault">Told about an exception that escaped <paramref name="deliver"/> or its task.</param>
    public EventDispatcher(Func<PendingEvent, ValueTask> deliver, Action<Exception> onDeliveryFault)
    {
        _deliver = deliver;
        _onDeliveryFault = onDeliveryFault;
    }

    /// <summary>Queues an event without delivering it; call <see cref="Drain"/> once out of any lock.</summary>
    public void Enqueue(in PendingEvent pending) => _queue.Enqueue(pending);

    /// <summary>Queues an event and delivers it now if no other thread is delivering.</summary>
    public void Post(in PendingEvent pending)
    {
        _queue.Enqueue(pending);
        Drain();
    }

    /// <summary>Delivers queued events on this thread, unless another thread already is.</summary>
    public void Drain()
    {
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _delivering, 1, 0) == 0)
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
        while (_queue.TryDequeue(out var pending))
        {
            ValueTask delivery;
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

            if (!delivery.IsCompleted)
            {
                _ = ResumeAfterAsync(delivery, pending);
                return false;
            }

            Complete(delivery, pending);
        }

        return true;
    }

    private async Task ResumeAfterAsync(ValueTask delivery, PendingEvent pending)
    {
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
