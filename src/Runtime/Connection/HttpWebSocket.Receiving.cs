using System.Buffers;
using System.Net.WebSockets;

namespace CpWebSocket;

/// <summary>
/// The receive loop, one per cycle: it reads whole messages into a pooled <see cref="ReceiveBuffer"/>, enforces the size
/// limit, offers each message to the listener, then delivers it inline when no other event is being delivered, or
/// queues a copy and keeps reading when one is (an async handler). A connection that has received nothing yet, or whose
/// last wait for data lasted more than <see cref="QuietAfter"/>, waits for the next message with a zero-byte read and
/// holds no buffer; while messages keep coming it reads straight into its buffer.
/// </summary>
public sealed partial class HttpWebSocket
{
    /// <summary>How long a refusal waits for the peer's close frame before the connection is dropped.</summary>
    private static readonly TimeSpan RefusalLinger = TimeSpan.FromSeconds(1);

    /// <summary>A wait for data longer than this makes the connection quiet: its next wait holds no buffer.</summary>
    private static readonly TimeSpan QuietAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// For the messaging layer: told of each attempt's opening, readiness and end, and of every message as it arrives
    /// (on the receive loop, before it is queued or delivered, even while a handler still runs).
    /// </summary>
    internal IConnectionListener? Listener { get; set; }

    private async Task ReceiveAsync(ConnectionCycle cycle, WebSocket socket)
    {
        var buffer = new ReceiveBuffer(_options.MaxMessageSize);
        var waitWithoutBuffer = true;
        var buffered = cycle.Signals?.BufferedMessagesFor(socket);
        var socketInMessage = false; // the websocket has read part of the next message: it reads the rest
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                if (buffered is not null && !socketInMessage && buffered.TryTakeMessage(out var payload, out var text))
                {
                    // Read already, whole and plain: no websocket read needed.
                    buffer.Write(payload);
                    result = new ValueWebSocketReceiveResult(payload.Length, text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, endOfMessage: true);
                }
                else if (waitWithoutBuffer)
                {
                    var peek = socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                    if (!peek.IsCompleted)
                    {
                        buffer.Release(); // quiet: hold nothing while waiting
                    }

                    result = await peek.ConfigureAwait(false);
                    waitWithoutBuffer = false;
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    if (!result.EndOfMessage)
                    {
                        socketInMessage = true;
                        continue; // a frame is there: read it into the buffer
                    }
                }
                else
                {
                    var read = socket.ReceiveAsync(buffer.GetFree(), CancellationToken.None);
                    var waitStarted = read.IsCompleted ? 0 : Environment.TickCount64;
                    result = await read.ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    buffer.Advance(result.Count);
                    if (buffer.Length > _options.MaxMessageSize)
                    {
                        await RefuseOversizedAsync(cycle, socket, buffer).ConfigureAwait(false);
                        return;
                    }

                    socketInMessage = !result.EndOfMessage;
                    if (socketInMessage)
                    {
                        continue;
                    }

                    waitWithoutBuffer = waitStarted != 0 && Environment.TickCount64 - waitStarted > (long)QuietAfter.TotalMilliseconds;
                }

                var kind = result.MessageType == WebSocketMessageType.Text ? WebSocketMessageKind.Text : WebSocketMessageKind.Binary;
                if (!OnMessage(cycle, kind, buffer))
                {
                    await _dispatcher.WaitForRoomAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex)
        {
            buffer.Release();
            await OnReceiveFailedAsync(cycle, ex).ConfigureAwait(false);
            return;
        }

        buffer.Release();
        await OnPeerCloseAsync(cycle, socket).ConfigureAwait(false);
    }

    /// <summary>Offers a whole message to the listener, then delivers or queues it; false when the queue is full.</summary>
    private bool OnMessage(ConnectionCycle cycle, WebSocketMessageKind kind, ReceiveBuffer buffer)
    {
        var data = buffer.Message;
        Telemetry.MessageReceived(kind, data, ContractOf);
        var message = new WebSocketMessage(kind, data);
        var consumed = false;
        if (Listener is { } listener)
        {
            try
            {
                consumed = listener.OnArrival(message);
            }
            catch (Exception ex)
            {
                ReportHandlerFault(WebSocketEvent.Message, ex);
                _dispatcher.Drain();
            }
        }

        var arrival = _status;
        if (_dispatcher.TryEnter())
        {
            ValueTask delivery;
            var previous = _dispatcher.BeginDelivery();
            try
            {
                delivery = DeliverMessage(cycle, message, consumed, arrival);
            }
            catch (Exception ex)
            {
                delivery = ValueTask.FromException(ex);
            }
            finally
            {
                EventDispatcher.EndDelivery(previous);
            }

            if (delivery.IsCompleted)
            {
                ObserveDelivery(delivery);
                buffer.Reset();
                _dispatcher.Exit();
            }
            else
            {
                // The handler goes on after this read: it keeps the message's bytes, the loop takes a fresh buffer.
                _dispatcher.ExitAfter(delivery, buffer.Detach());
            }

            return true;
        }

        var copy = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(copy);
        buffer.Reset();
        _dispatcher.Enqueue(PendingEvent.ForMessage(cycle, kind, copy, data.Length, consumed, arrival));
        _dispatcher.Drain();
        return _dispatcher.HasRoom;
    }

    private void ObserveDelivery(ValueTask delivery)
    {
        try
        {
            delivery.GetAwaiter().GetResult(); // completed: observes its fault, blocks nothing
        }
        catch (Exception ex)
        {
            OnDeliveryFault(ex);
        }
    }

    /// <summary>
    /// The peer's close frame arrived: the status leaves <see cref="WebSocketStatus.Open"/> at once, the close frame is
    /// answered behind the messages accepted before it (unless this side's close is already on its way), and the cycle ends.
    /// </summary>
    private async Task OnPeerCloseAsync(ConnectionCycle cycle, WebSocket socket)
    {
        SendOp? answer = null;
        Task written;
        lock (_gate)
        {
            if (cycle.Ending)
            {
                return;
            }

            if (_status == WebSocketStatus.Open && _cycle == cycle)
            {
                cycle.ClosingByPeer = true;
                SetStatusNoLock(WebSocketStatus.Closing, PendingEvent.Lifecycle(WebSocketEvent.Closing));
            }

            if (cycle.CloseOp is null)
            {
                answer = QueueCloseNoLock(cycle, socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription);
            }

            written = cycle.CloseOp!.Completion!.Task;
        }

        _dispatcher.Drain();
        StartCloseTimer(cycle);
        if (answer is not null)
        {
            _ = WriteTakenAsync(cycle, answer);
        }

        await written.ConfigureAwait(false);
        var close = new WebSocketCloseInfo(socket.CloseStatus, socket.CloseStatusDescription, ByPeer: cycle.ClosingByPeer, WillReconnect: false);
        await FinishCycleAsync(cycle, null, close).ConfigureAwait(false);
    }

    /// <summary>The loop failed: the error and close details say why, from what the transport saw when it tells.</summary>
    private async Task OnReceiveFailedAsync(ConnectionCycle cycle, Exception exception)
    {
        WebSocketErrorInfo? error;
        WebSocketCloseInfo close;
        if (cycle.Signals?.RefusedMessageSize is { } announced)
        {
            error = TooLarge($"A message of {announced} bytes was announced, over the {_options.MaxMessageSize} byte limit (HttpWebSocketOptions.MaxMessageSize); the connection was closed with status 1009.", exception);
            close = new WebSocketCloseInfo(cycle.Signals.SentCloseStatus ?? WebSocketCloseStatus.MessageTooBig, null, ByPeer: false, WillReconnect: false);
        }
        else if (cycle.AbortRequested)
        {
            error = null; // this side dropped it: the close timeout, or the cycle ending
            close = new WebSocketCloseInfo(null, null, ByPeer: cycle.ClosingByPeer, WillReconnect: false);
        }
        else if (IsKeepAliveTimeout(cycle, exception))
        {
            error = new WebSocketErrorInfo(
                WebSocketErrorKind.ConnectionLost,
                $"The connection to {Url} was lost: no keep-alive pong arrived within {_options.KeepAliveTimeout:c} (HttpWebSocketOptions.KeepAliveTimeout).",
                exception);
            close = new WebSocketCloseInfo(null, null, ByPeer: true, WillReconnect: false);
        }
        else if (exception is WebSocketException { WebSocketErrorCode: not WebSocketError.ConnectionClosedPrematurely })
        {
            // The peer broke the protocol; the websocket failed the connection with a close frame (1002, 1007), which the
            // peer should read before the connection is dropped.
            error = new WebSocketErrorInfo(WebSocketErrorKind.Protocol, $"The connection to {Url} was lost: {Describe(exception)}", exception);
            close = new WebSocketCloseInfo(cycle.Signals?.SentCloseStatus, null, ByPeer: false, WillReconnect: false);
            if (cycle.Signals is { SentCloseStatus: not null, DrainUntilPeerCloses: { } drain })
            {
                await drain(RefusalLinger).ConfigureAwait(false);
            }
        }
        else
        {
            error = new WebSocketErrorInfo(WebSocketErrorKind.ConnectionLost, $"The connection to {Url} was lost: {Describe(exception)}", exception);
            close = new WebSocketCloseInfo(null, null, ByPeer: !cycle.ClosingByUser, WillReconnect: false);
        }

        await FinishCycleAsync(cycle, error, close).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the socket aborted itself for want of a keep-alive pong: it was aborted, not by this side, with a keep-alive
    /// timeout in force, after at least that long without a byte from the peer.
    /// </summary>
    private bool IsKeepAliveTimeout(ConnectionCycle cycle, Exception exception)
    {
        var timeoutInForce = _options.KeepAliveInterval > TimeSpan.Zero && _options.KeepAliveTimeout != Timeout.InfiniteTimeSpan;
#if !NET9_0_OR_GREATER
        timeoutInForce = false; // .NET 8 has no keep-alive timeout
#endif
        return timeoutInForce
            && exception is OperationCanceledException
            && !cycle.AbortRequested
            && (cycle.Signals is not { } signals || Environment.TickCount64 - signals.LastReceived >= (long)_options.KeepAliveTimeout.TotalMilliseconds);
    }

    /// <summary>
    /// A message grew past the limit as it arrived (the transport did not refuse it earlier, or it was compressed): close
    /// with 1009 behind the frames already accepted, wait a little for the peer's close frame, and end the cycle.
    /// </summary>
    private async Task RefuseOversizedAsync(ConnectionCycle cycle, WebSocket socket, ReceiveBuffer buffer)
    {
        buffer.Release();
        SendOp? frame = null;
        Task written;
        lock (_gate)
        {
            if (cycle.Ending)
            {
                return;
            }

            if (cycle.CloseOp is null)
            {
                frame = QueueCloseNoLock(cycle, WebSocketCloseStatus.MessageTooBig, $"Message exceeds the {_options.MaxMessageSize} byte limit.");
            }

            written = cycle.CloseOp!.Completion!.Task;
        }

        if (frame is not null)
        {
            _ = WriteTakenAsync(cycle, frame);
        }

        var scratch = ArrayPool<byte>.Shared.Rent(1024);
        using (var linger = new CancellationTokenSource(RefusalLinger))
        {
            try
            {
                await written.WaitAsync(linger.Token).ConfigureAwait(false);
                while ((await socket.ReceiveAsync(scratch.AsMemory(), linger.Token).ConfigureAwait(false)).MessageType != WebSocketMessageType.Close)
                {
                    // The rest of the refused message, and what follows it, is dropped.
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // The peer did not close in time, or the connection is gone: it is dropped either way.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        var error = TooLarge($"An inbound message exceeded the {_options.MaxMessageSize} byte limit (HttpWebSocketOptions.MaxMessageSize); the connection was closed with status 1009.", null);
        await FinishCycleAsync(cycle, error, new WebSocketCloseInfo(WebSocketCloseStatus.MessageTooBig, null, ByPeer: false, WillReconnect: false)).ConfigureAwait(false);
    }

    private static WebSocketErrorInfo TooLarge(string message, Exception? exception) => new(WebSocketErrorKind.MessageTooLarge, message, exception);
}
