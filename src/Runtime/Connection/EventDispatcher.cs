using System.Buffers;

namespace CpWebSocket;

/// <summary>
/// Delivers a connection's events one at a time, in order, without a thread of its own. Whoever finds it idle with
/// nothing queued delivers at once on its own thread (the receive loop delivers a message inline: no lock, no copy, no
/// allocation); whoever finds it busy queues the event, and the thread that delivers picks it up. A delivery that returns
/// an unfinished task (an async handler) holds back the events behind it until it completes, while the receive loop
/// keeps reading into the queue, up to <see cref="MaxQueuedMessages"/>.
/// </summary>
/// <remarks>
/// Status changes are delivered in the order they happened, whatever thread made them. Errors a handler causes while it
/// runs (its fault, a message error the messaging layer reports about the message being delivered, a send it makes that
/// is refused) are follow-ups: delivered right after the current event, before those already waiting, since they are
/// about it. A handler's own thread is recognised by a thread-static marker; an async handler reports its errors through
/// <see cref="EnqueueDeliveryFollowUp"/>.
/// </remarks>
internal sealed class EventDispatcher
{
    /// <summary>Messages queued behind a slow delivery before the receive loop stops reading (TCP then slows the server).</summary>
    public const int MaxQueuedMessages = 1024;

    // A queue left this long by a burst gives its array back once it is empty again.
    private const int RetainedLength = 32;

    [ThreadStatic]
    private static EventDispatcher? t_delivering;

    private readonly Func<PendingEvent, ValueTask> _deliver;
    private readonly Action<Exception> _onDeliveryFault;

    // The queues, _queuedMessages and _roomWaiter are guarded by locking this dispatcher; _queued counts both queues.
    private Queue<PendingEvent>? _queue;
    private Queue<PendingEvent>? _followUps;
    private TaskCompletionSource? _roomWaiter;
    private int _queuedMessages;
    private int _longestQueue;
    private int _queued;
    private int _owned;
    private volatile bool _asyncPending;

    /// <param name="deliver">Delivers one event; reports user faults itself.</param>
    /// <param name="onDeliveryFault">Told about an exception that escaped <paramref name="deliver"/> or its task.</param>
    public EventDispatcher(Func<PendingEvent, ValueTask> deliver, Action<Exception> onDeliveryFault)
    {
        _deliver = deliver;
        _onDeliveryFault = onDeliveryFault;
    }

    /// <summary>Whether this thread is delivering an event of this dispatcher right now.</summary>
    public bool IsDeliveringHere => t_delivering == this;

    /// <summary>Takes the dispatcher for an inline delivery when it is idle and nothing is queued; then call <see cref="Exit"/> or <see cref="ExitAfter"/>.</summary>
    public bool TryEnter() => Volatile.Read(ref _queued) == 0 && Interlocked.CompareExchange(ref _owned, 1, 0) == 0;

    /// <summary>Marks this thread as delivering, for the duration of one synchronous delivery; returns what to restore.</summary>
    public EventDispatcher? BeginDelivery()
    {
        var previous = t_delivering;
        t_delivering = this;
        return previous;
    }

    /// <summary>Restores the marker <see cref="BeginDelivery"/> returned.</summary>
    public static void EndDelivery(EventDispatcher? previous) => t_delivering = previous;

    /// <summary>Ends an inline delivery that completed, and delivers what was queued meanwhile.</summary>
    public void Exit()
    {
        Interlocked.Exchange(ref _owned, 0);
        if (Volatile.Read(ref _queued) != 0)
        {
            Drain();
        }
    }

    /// <summary>Ends an inline delivery that goes on asynchronously: the events behind it wait for it.</summary>
    /// <param name="delivery">The unfinished delivery.</param>
    /// <param name="owned">The pooled buffer of its message, given back once it completes.</param>
    public void ExitAfter(ValueTask delivery, byte[]? owned)
    {
        _asyncPending = true;
        _ = ResumeAfterAsync(delivery, owned);
    }

    /// <summary>Queues an event behind every event already queued; call <see cref="Drain"/> once out of any lock.</summary>
    public void Enqueue(in PendingEvent pending) => EnqueueTo(pending, followUp: false);

    /// <summary>Queues an error a handler caused on this thread right after the event it handles; otherwise as <see cref="Enqueue"/>.</summary>
    public void EnqueueFromHandler(in PendingEvent pending) => EnqueueTo(pending, followUp: IsDeliveringHere);

    /// <summary>Queues an event about the delivery in progress, inline or asynchronous: it is delivered right after it.</summary>
    public void EnqueueDeliveryFollowUp(in PendingEvent pending) => EnqueueTo(pending, followUp: IsDeliveringHere || _asyncPending);

    /// <summary>Delivers queued events on this thread, unless another thread already is.</summary>
    public void Drain()
    {
        while (Volatile.Read(ref _queued) != 0 && Interlocked.CompareExchange(ref _owned, 1, 0) == 0)
        {
            if (!DeliverQueued())
            {
                return; // an async delivery owns the dispatcher until it completes
            }

            Interlocked.Exchange(ref _owned, 0);
        }
    }

    /// <summary>Completes when fewer than <see cref="MaxQueuedMessages"/> received messages wait.</summary>
    public Task WaitForRoomAsync()
    {
        lock (this)
        {
            return _queuedMessages < MaxQueuedMessages ? Task.CompletedTask : (_roomWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Whether the receive loop may go on reading.</summary>
    public bool HasRoom => Volatile.Read(ref _queuedMessages) < MaxQueuedMessages;

    private void EnqueueTo(in PendingEvent pending, bool followUp)
    {
        lock (this)
        {
            var queue = followUp ? _followUps ??= new Queue<PendingEvent>() : _queue ??= new Queue<PendingEvent>();
            queue.Enqueue(pending);
            _longestQueue = Math.Max(_longestQueue, queue.Count);
            if (pending.IsMessage)
            {
                _queuedMessages++;
            }
        }

        Interlocked.Increment(ref _queued);
    }

    /// <summary>Delivers until nothing is queued (true) or a delivery goes asynchronous (false).</summary>
    private bool DeliverQueued()
    {
        while (TryDequeue(out var pending))
        {
            ValueTask delivery;
            var previous = BeginDelivery();
            try
            {
                delivery = _deliver(pending);
            }
            catch (Exception ex)
            {
                Release(pending.Buffer);
                _onDeliveryFault(ex);
                continue;
            }
            finally
            {
                EndDelivery(previous);
            }

            if (!delivery.IsCompleted)
            {
                _asyncPending = true;
                _ = ResumeAfterAsync(delivery, pending.Buffer);
                return false;
            }

            Complete(delivery, pending.Buffer);
        }

        return true;
    }

    /// <summary>Takes the next event: follow-ups first, then the main queue.</summary>
    private bool TryDequeue(out PendingEvent pending)
    {
        TaskCompletionSource? room = null;
        lock (this)
        {
            if (_followUps is { Count: > 0 } followUps)
            {
                pending = followUps.Dequeue();
            }
            else if (_queue is not null && _queue.TryDequeue(out pending))
            {
                if (pending.IsMessage && --_queuedMessages < MaxQueuedMessages / 2 && _roomWaiter is not null)
                {
                    (room, _roomWaiter) = (_roomWaiter, null);
                }
            }
            else
            {
                if (_longestQueue > RetainedLength)
                {
                    _queue = null;
                    _followUps = null;
                    _longestQueue = 0;
                }

                pending = default;
                return false;
            }
        }

        Interlocked.Decrement(ref _queued);
        room?.TrySetResult();
        return true;
    }

    private async Task ResumeAfterAsync(ValueTask delivery, byte[]? owned)
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
            Release(owned);
        }

        _asyncPending = false;
        if (DeliverQueued())
        {
            Interlocked.Exchange(ref _owned, 0);
            Drain();
        }
    }

    private void Complete(ValueTask delivery, byte[]? owned)
    {
        try
        {
            delivery.GetAwaiter().GetResult(); // completed: observes its fault, blocks nothing
        }
        catch (Exception ex)
        {
            _onDeliveryFault(ex);
        }
        finally
        {
            Release(owned);
        }
    }

    private static void Release(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
