using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace CpWebSocket;

/// <summary>
/// The send lane. A message is accepted only while the status is <see cref="WebSocketStatus.Open"/>, under the same lock
/// as the status, so a message accepted before <see cref="Close"/> is ahead of the close frame in the lane and one sent
/// after it is refused at once. An idle lane is taken by the caller, which writes on its own thread; a busy one queues
/// the message, and whoever finishes writing hands the lane on (a drain on the thread pool writes what waits).
/// </summary>
public sealed partial class HttpWebSocket
{
    /// <summary>
    /// The seed's <c>send(message, isData)</c>: queues <paramref name="message"/> and returns at once. A message that
    /// cannot be sent (not open, or the connection ends before it is written) is reported by an
    /// <see cref="WebSocketEvent.Error"/> event.
    /// </summary>
    /// <param name="message">The message; sent as UTF-8.</param>
    /// <param name="isData"><see langword="true"/> (the default, as in the seed) for a binary frame; <see langword="false"/> for a text frame, in which lone surrogates become U+FFFD.</param>
    /// <returns>This connection.</returns>
    public HttpWebSocket Send(string message, bool isData = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_status != WebSocketStatus.Open && Refused(Encoding.UTF8.GetByteCount(message), Frame(isData)))
        {
            return this;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        var length = Encoding.UTF8.GetBytes(message, buffer);
        SendPooled(buffer, length, Frame(isData));
        return this;
    }

    /// <summary>
    /// The seed's <c>send(message, isData)</c> for bytes: copies and queues <paramref name="message"/> and returns at
    /// once. A message that cannot be sent is reported by an <see cref="WebSocketEvent.Error"/> event.
    /// </summary>
    /// <param name="message">The bytes to send; copied, so the caller may reuse the memory at once.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame, in which invalid UTF-8 becomes U+FFFD.</param>
    /// <returns>This connection.</returns>
    public HttpWebSocket Send(ReadOnlyMemory<byte> message, bool isData = true)
    {
        if (_status != WebSocketStatus.Open && Refused(message.Length, Frame(isData)))
        {
            return this;
        }

        var (buffer, length) = RentPayload(message.Span, isData);
        SendPooled(buffer, length, Frame(isData));
        return this;
    }

    /// <summary>
    /// Sends <paramref name="message"/> and completes once its frame has been written to the network or, while other
    /// frames are being written, accepted into the batch written next (see remarks).
    /// </summary>
    /// <param name="message">The message; sent as UTF-8.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame, in which lone surrogates become U+FFFD.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn; a write that has started is finished.</param>
    /// <returns>A task that completes when the frame is written or accepted.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    /// <remarks>
    /// A message sent while the connection writes nothing goes to the network before the task completes. Messages sent
    /// in a burst are coalesced: each completes once it is copied into the batch the next socket write carries, so a
    /// sender is not held up by the socket. If the connection fails before that batch is written, each message in it is
    /// reported by an <see cref="WebSocketEvent.Error"/> event (<see cref="WebSocketErrorKind.Send"/>) before the
    /// <see cref="WebSocketEvent.Closed"/> event; none is lost in silence.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(string message, bool isData = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(message, buffer);
            await SendMessageAsync(buffer.AsMemory(0, length), Frame(isData), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Sends <paramref name="message"/> and completes once its frame has been written to the network or, while other
    /// frames are being written, accepted into the batch written next (see <see cref="SendAsync(string, bool, CancellationToken)"/>).
    /// </summary>
    /// <param name="message">The bytes to send; keep them unchanged until the task completes.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame, in which invalid UTF-8 becomes U+FFFD.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn; a write that has started is finished.</param>
    /// <returns>A task that completes when the frame is written or accepted.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, bool isData = true, CancellationToken cancellationToken = default) =>
        isData || Utf8.IsValid(message.Span)
            ? SendMessageAsync(message, Frame(isData), cancellationToken)
            : SendSanitizedAsync(message, cancellationToken);

    /// <summary>For the messaging layer: sends UTF-8 the caller guarantees valid as one text frame.</summary>
    /// <param name="utf8">The message.</param>
    /// <param name="contract">The name of the contract it was encoded from, for the metrics' contract tag.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn.</param>
    /// <returns>A task that completes when the frame is written or accepted.</returns>
    internal ValueTask SendUtf8TextAsync(ReadOnlyMemory<byte> utf8, string contract, CancellationToken cancellationToken) =>
        SendMessageAsync(utf8, WebSocketMessageType.Text, cancellationToken, contract);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendSanitizedAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var (buffer, length) = RentPayload(message.Span, isData: false);
        try
        {
            await SendMessageAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The awaited way: the caller's task says whether the message was written.</summary>
    private ValueTask SendMessageAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken cancellationToken, string? contract = null)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        ConnectionCycle? cycle;
        SendOp? queued = null;
        string? refusal;
        lock (_gate)
        {
            cycle = AcceptingCycleNoLock(out refusal);
            if (cycle is not null && !cycle.Lane.TryTake())
            {
                queued = SendOp.Message(payload, type, pooled: null, awaited: true, contract);
                cycle.Lane.Enqueue(queued);
            }
        }

        if (cycle is null)
        {
            return ValueTask.FromException(new WebSocketSendException(NotSentMessage(payload.Length, type == WebSocketMessageType.Binary, refusal!)));
        }

        return queued is null
            ? WriteMessage(cycle, payload, type, pooled: null, awaited: true, contract)
            : WaitForTurnAsync(queued, cancellationToken);
    }

    /// <summary>The seed's way: failures become <c>Error</c> events; <paramref name="buffer"/> is given back once written or refused.</summary>
    private void SendPooled(byte[] buffer, int length, WebSocketMessageType type)
    {
        ConnectionCycle? cycle;
        var queued = false;
        lock (_gate)
        {
            cycle = AcceptingCycleNoLock(out var refusal);
            if (cycle is null)
            {
                RefuseNoLock(length, type, refusal!);
            }
            else if (!cycle.Lane.TryTake())
            {
                cycle.Lane.Enqueue(SendOp.Message(buffer.AsMemory(0, length), type, buffer, awaited: false));
                queued = true;
            }
        }

        if (cycle is null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _dispatcher.Drain();
        }
        else if (!queued)
        {
            var writing = WriteMessage(cycle, buffer.AsMemory(0, length), type, buffer, awaited: false);
            if (!writing.IsCompleted)
            {
                _ = writing.AsTask(); // never faults: failures are events
            }
        }
    }

    /// <summary>The cycle a message is accepted on (guarded), or null with the reason it is not.</summary>
    private ConnectionCycle? AcceptingCycleNoLock(out string? refusal)
    {
        if (_status != WebSocketStatus.Open)
        {
            refusal = $"the status is {_status}";
            return null;
        }

        if (_cycle is not { Lane.Closed: false } cycle)
        {
            refusal = "the connection it was sent on is ending";
            return null;
        }

        refusal = null;
        return cycle;
    }

    /// <summary>Writes a message whose caller holds the lane, then hands the lane on.</summary>
    private ValueTask WriteMessage(ConnectionCycle cycle, ReadOnlyMemory<byte> payload, WebSocketMessageType type, byte[]? pooled, bool awaited, string? contract = null)
    {
        ValueTask write;
        try
        {
            write = cycle.Socket!.SendAsync(payload, type, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception ex)
        {
            write = ValueTask.FromException(ex);
        }

        if (!write.IsCompletedSuccessfully)
        {
            return AwaitWriteAsync(write, cycle, payload.Length, type, pooled, awaited, contract);
        }

        NoteWritten(cycle, payload.Length, type, contract);
        if (pooled is not null)
        {
            ArrayPool<byte>.Shared.Return(pooled);
        }

        ReleaseLane(cycle);
        return default;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AwaitWriteAsync(ValueTask write, ConnectionCycle cycle, int length, WebSocketMessageType type, byte[]? pooled, bool awaited, string? contract)
    {
        try
        {
            await write.ConfigureAwait(false);
            NoteWritten(cycle, length, type, contract);
        }
        catch (Exception ex) when (!awaited)
        {
            ReportNotSent(length, type, $"the write failed: {ex.Message}", ex);
        }
        catch (Exception ex)
        {
            throw new WebSocketSendException(NotSentMessage(length, type == WebSocketMessageType.Binary, $"the write failed: {ex.Message}"), ex);
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }

            ReleaseLane(cycle);
        }
    }

    /// <summary>Waits for a queued message's turn; the lane's writer completes it.</summary>
    private async ValueTask WaitForTurnAsync(SendOp op, CancellationToken cancellationToken)
    {
        var completion = op.Completion!;
        if (!cancellationToken.CanBeCanceled)
        {
            await completion.Task.ConfigureAwait(false);
            return;
        }

        using (cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (socket, op) = ((HttpWebSocket, SendOp))state!;
                socket.CancelTurn(op, token);
            },
            (this, op)))
        {
            await completion.Task.ConfigureAwait(false);
        }
    }

    /// <summary>A queued message's caller stopped waiting before its turn: it is not sent.</summary>
    private void CancelTurn(SendOp op, CancellationToken token)
    {
        lock (_gate)
        {
            if (op.Taken)
            {
                return; // its write has started and is finished
            }

            op.Taken = true;
        }

        op.Completion!.TrySetCanceled(token);
    }

    /// <summary>The writer of the moment is done: the lane goes idle, or to a drain of what waits.</summary>
    private void ReleaseLane(ConnectionCycle cycle)
    {
        TaskCompletionSource? idle = null;
        var drain = false;
        lock (_gate)
        {
            if (cycle.Lane.HasWaiting && !cycle.Ending)
            {
                drain = true;
            }
            else
            {
                idle = cycle.Lane.Release();
            }
        }

        idle?.TrySetResult();
        if (drain)
        {
            _ = Task.Run(() => DrainLaneAsync(cycle));
        }
    }

    /// <summary>Writes the frames that wait, in order, until none is left or the cycle ends.</summary>
    private async Task DrainLaneAsync(ConnectionCycle cycle)
    {
        while (true)
        {
            SendOp? op;
            TaskCompletionSource? idle = null;
            lock (_gate)
            {
                if (cycle.Ending)
                {
                    op = null;
                    idle = cycle.Lane.Release(); // the ending takes what still waits
                }
                else
                {
                    op = cycle.Lane.Next(out idle);
                }
            }

            idle?.TrySetResult();
            if (op is null)
            {
                return;
            }

            await WriteWaitingAsync(cycle, op).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a close frame that took the idle lane, then what queued behind it.</summary>
    private async Task WriteTakenAsync(ConnectionCycle cycle, SendOp op)
    {
        await WriteWaitingAsync(cycle, op).ConfigureAwait(false);
        await DrainLaneAsync(cycle).ConfigureAwait(false);
    }

    /// <summary>Writes one frame whose turn came. Never throws: the outcome goes to its task or an <c>Error</c> event.</summary>
    private async Task WriteWaitingAsync(ConnectionCycle cycle, SendOp op)
    {
        var socket = cycle.Socket!;
        if (op.IsClose)
        {
            try
            {
                await socket.CloseOutputAsync(op.CloseStatus, op.CloseDescription, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The connection is gone; the receive loop or the close timer ends the cycle.
            }
            finally
            {
                op.Completion!.TrySetResult();
            }

            return;
        }

        try
        {
            await socket.SendAsync(op.Payload, op.Type, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            NoteWritten(cycle, op.Payload.Length, op.Type, op.Contract);
            op.Completion?.TrySetResult();
        }
        catch (Exception ex)
        {
            if (op.Completion is { } completion)
            {
                completion.TrySetException(new WebSocketSendException(NotSentMessage(op.Payload.Length, op.Type == WebSocketMessageType.Binary, $"the write failed: {ex.Message}"), ex));
                _ = completion.Task.Exception; // observed: its caller may have stopped waiting
            }
            else
            {
                ReportNotSent(op.Payload.Length, op.Type, $"the write failed: {ex.Message}", ex);
            }
        }
        finally
        {
            op.Release();
        }
    }

    /// <summary>Remembers a message the transport accepted but has not written yet, to report it if the connection fails first.</summary>
    private void NoteWritten(ConnectionCycle cycle, int length, WebSocketMessageType type, string? contract)
    {
        Telemetry.MessageSent(type, length, contract);
        if (cycle.Signals is { } signals)
        {
            cycle.Lane.NoteWritten(signals.DataFramesAccepted, signals.DataFramesWritten, length, type);
        }
    }

    /// <summary>Reports a message not sent; refused to a handler, the error follows the event it handles.</summary>
    private void ReportNotSent(int length, WebSocketMessageType type, string reason, Exception? exception = null)
    {
        var error = new WebSocketErrorInfo(WebSocketErrorKind.Send, NotSentMessage(length, type == WebSocketMessageType.Binary, reason), exception);
        Log.Error(_logger, Url, error.Kind, error.Message, exception);
        _dispatcher.EnqueueFromHandler(PendingEvent.ForError(error));
        _dispatcher.Drain();
    }

    /// <summary>
    /// Refuses a message at once when the status is not <see cref="WebSocketStatus.Open"/> (before its bytes are copied);
    /// false when the status became open meanwhile and the message is to be sent.
    /// </summary>
    private bool Refused(int length, WebSocketMessageType type)
    {
        lock (_gate)
        {
            if (_status == WebSocketStatus.Open)
            {
                return false;
            }

            RefuseNoLock(length, type, $"the status is {_status}");
        }

        _dispatcher.Drain();
        return true;
    }

    /// <summary>
    /// Reports a message refused (guarded): queued under the lock that decided it, so it takes its place among the status
    /// changes it was decided between. A refusal while the cycle ends comes before that cycle's <c>Closed</c>; one that
    /// names the status <c>Closed</c> comes after it. Refused to a handler, the error follows the event it handles. Call
    /// <see cref="EventDispatcher.Drain"/> once out of the lock.
    /// </summary>
    private void RefuseNoLock(int length, WebSocketMessageType type, string reason)
    {
        var error = new WebSocketErrorInfo(WebSocketErrorKind.Send, NotSentMessage(length, type == WebSocketMessageType.Binary, reason));
        Log.Error(_logger, Url, error.Kind, error.Message, null);
        _dispatcher.EnqueueFromHandler(PendingEvent.ForError(error));
    }

    private void ReportNotSentNoLock(int length, WebSocketMessageType type, string reason, Exception? exception = null)
    {
        var error = new WebSocketErrorInfo(WebSocketErrorKind.Send, NotSentMessage(length, type == WebSocketMessageType.Binary, reason), exception);
        Log.Error(_logger, Url, error.Kind, error.Message, exception);
        _dispatcher.Enqueue(PendingEvent.ForError(error));
    }

    private string NotSentMessage(int length, bool isData, string reason) =>
        $"A {(isData ? "binary" : "text")} message of {length} bytes was not sent to {Url}: {reason}.";

    private static WebSocketMessageType Frame(bool isData) => isData ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    /// <summary>Copies a payload into a pooled buffer; text with invalid UTF-8 is re-encoded with U+FFFD in its place.</summary>
    private static (byte[] Buffer, int Length) RentPayload(ReadOnlySpan<byte> payload, bool isData)
    {
        if (isData || Utf8.IsValid(payload))
        {
            var copy = ArrayPool<byte>.Shared.Rent(payload.Length);
            payload.CopyTo(copy);
            return (copy, payload.Length);
        }

        var text = Encoding.UTF8.GetString(payload);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        return (buffer, Encoding.UTF8.GetBytes(text, buffer));
    }
}
