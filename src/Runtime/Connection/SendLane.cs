using System.Net.WebSockets;

namespace CpWebSocket;

/// <summary>
/// The order of a cycle's frames: one is written at a time, the others wait their turn in the order they were accepted,
/// and a close frame takes its turn behind the messages accepted before it. Holds state only; the connection runs it.
/// </summary>
/// <remarks>
/// Every member is guarded by the connection's lock, except <see cref="NoteWritten"/> and <see cref="TakeUnwritten"/>,
/// which only the writer of the moment (or the cycle's ending, once the lane is idle) calls.
/// </remarks>
internal sealed class SendLane
{
    private Queue<SendOp>? _waiting;
    private Queue<(long Frame, int Length, WebSocketMessageType Type)>? _unconfirmed;
    private TaskCompletionSource? _idle;

    /// <summary>Whether a frame is being written (by its caller, or by a drain of the waiting ones).</summary>
    public bool Busy { get; private set; }

    /// <summary>Set once a close frame was queued or the cycle ends: messages are no longer accepted.</summary>
    public bool Closed { get; set; }

    public bool HasWaiting => _waiting is { Count: > 0 };

    /// <summary>Takes the lane for a frame written at once; false when another frame has it, and the frame must wait.</summary>
    public bool TryTake()
    {
        if (Busy || HasWaiting)
        {
            return false;
        }

        Busy = true;
        return true;
    }

    /// <summary>Queues a frame behind the others.</summary>
    public void Enqueue(SendOp op) => (_waiting ??= new Queue<SendOp>()).Enqueue(op);

    /// <summary>The next frame to write, its turn taken; or <see langword="null"/>, and the lane is idle (complete <paramref name="idle"/> out of the lock).</summary>
    public SendOp? Next(out TaskCompletionSource? idle)
    {
        idle = null;
        while (_waiting is { Count: > 0 } waiting)
        {
            var op = waiting.Dequeue();
            if (!op.Taken)
            {
                op.Taken = true;
                return op;
            }
        }

        idle = Release();
        return null;
    }

    /// <summary>The writer is done: the lane is idle (what still waits is left to the cycle's ending). Returns what to complete out of the lock.</summary>
    public TaskCompletionSource? Release()
    {
        Busy = false;
        var idle = _idle;
        _idle = null;
        return idle;
    }

    /// <summary>Completes once no frame is being written.</summary>
    public Task IdleTask() => Busy ? (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task : Task.CompletedTask;

    /// <summary>Takes every frame still waiting (the cycle ends before their turn).</summary>
    public List<SendOp> TakeWaiting()
    {
        var taken = new List<SendOp>();
        while (_waiting is { Count: > 0 } waiting)
        {
            var op = waiting.Dequeue();
            if (!op.Taken)
            {
                op.Taken = true;
                taken.Add(op);
            }
        }

        return taken;
    }

    /// <summary>
    /// A message was accepted by the socket as data frame number <paramref name="frame"/>, of which the first
    /// <paramref name="written"/> have reached the network: remembered until they all have.
    /// </summary>
    public void NoteWritten(long frame, long written, int length, WebSocketMessageType type)
    {
        if (_unconfirmed is { } unconfirmed)
        {
            while (unconfirmed.TryPeek(out var oldest) && oldest.Frame <= written)
            {
                unconfirmed.Dequeue();
            }
        }

        if (frame > written)
        {
            (_unconfirmed ??= new()).Enqueue((frame, length, type));
        }
    }

    /// <summary>The messages accepted by the socket but never written to the network, of the first <paramref name="written"/> data frames.</summary>
    public IEnumerable<(int Length, WebSocketMessageType Type)> TakeUnwritten(long written)
    {
        if (_unconfirmed is not { } unconfirmed)
        {
            yield break;
        }

        _unconfirmed = null;
        foreach (var (frame, length, type) in unconfirmed)
        {
            if (frame > written)
            {
                yield return (length, type);
            }
        }
    }
}
