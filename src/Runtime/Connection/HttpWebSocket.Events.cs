namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    /// <summary>The status became <see cref="WebSocketStatus.Opening"/>.</summary>
    public event Action? Opening;

    /// <summary>The status became <see cref="WebSocketStatus.Open"/>.</summary>
    /// <remarks>
    /// For async work when the connection opens (a handshake, subscriptions), use <see cref="OnOpened(Func{CancellationToken, ValueTask})"/>,
    /// not an <c>async</c> lambda here: an <c>async void</c> handler runs on after this event returns, nothing awaits it,
    /// and an exception it throws escapes to the thread pool and ends the process.
    /// </remarks>
    public event Action? Opened;

    /// <summary>
    /// The status became <see cref="WebSocketStatus.Closing"/>: the close handshake started, by either side (this side's
    /// <see cref="Close"/>, or the peer's close frame, which is answered).
    /// </summary>
    public event Action? Closing;

    /// <summary>The status became <see cref="WebSocketStatus.Closed"/>, the last event of a connection attempt; the argument says how.</summary>
    /// <remarks>
    /// Raised once per attempt, and once more, with <see cref="WebSocketCloseInfo.WillReconnect"/> false, when
    /// <see cref="Close"/> or dispose cancels a pending reconnect. For async work, use <see cref="OnClosed"/>.
    /// </remarks>
    public event Action<WebSocketCloseInfo>? Closed;

    /// <summary>Something failed; the connection may still be open (see <see cref="WebSocketErrorInfo.Kind"/>).</summary>
    public event Action<WebSocketErrorInfo>? Error;

    /// <summary>A message arrived while open. Its bytes are valid only during the handler.</summary>
    public event Action<WebSocketMessage>? MessageReceived;

    /// <summary>
    /// For the messaging layer: runs after the raw callbacks for every delivered message not taken by the
    /// <see cref="Listener"/> on arrival; the next event waits until the returned task completes. Faults become
    /// <see cref="WebSocketErrorKind.Callback"/> errors.
    /// </summary>
    internal Func<WebSocketMessage, ValueTask>? MessageInterceptor { get; set; }

    /// <summary>For the messaging layer: names the contract of a text message, for the metrics' contract tag.</summary>
    internal Func<ReadOnlyMemory<byte>, string?>? ContractOf { get; set; }

    /// <summary>
    /// For the messaging layer: raises an <see cref="WebSocketEvent.Error"/> event about the message being delivered
    /// (synchronously or by an async handler): it is delivered right after that message, before the events that wait.
    /// </summary>
    /// <param name="error">The error to report.</param>
    internal void ReportError(WebSocketErrorInfo error)
    {
        Log.Error(_logger, Url, error.Kind, error.Message, error.Exception);
        _dispatcher.EnqueueDeliveryFollowUp(PendingEvent.ForError(error));
        _dispatcher.Drain();
    }

    /// <summary>Delivers a queued event.</summary>
    private ValueTask DeliverAsync(PendingEvent pending)
    {
        if (pending.Payload is Action continuation)
        {
            continuation();
            return default;
        }

        if (pending.Payload is ConnectionCycle cycle)
        {
            if (pending.Event == WebSocketEvent.Opened)
            {
                Raise(WebSocketEvent.Opened, default, null, null);
                return RunOpenedHooksAsync(cycle);
            }

            var message = new WebSocketMessage(pending.MessageKind, pending.Buffer.AsMemory(0, pending.Length));
            return DeliverMessage(cycle, message, pending.Consumed, pending.ArrivalStatus);
        }

        if (pending.Payload is WebSocketCloseInfo close)
        {
            Raise(WebSocketEvent.Closed, default, null, close);
            return RunClosedHooksAsync(close);
        }

        Raise(pending.Event, default, pending.Payload as WebSocketErrorInfo, null);
        return default;
    }

    /// <summary>
    /// Delivers a message: the raw callbacks, then the messaging layer, unless it arrived while not open or its turn
    /// came after <see cref="Close"/> was called (then it is an <see cref="WebSocketErrorKind.MessageWhileNotOpen"/> error).
    /// </summary>
    private ValueTask DeliverMessage(ConnectionCycle cycle, in WebSocketMessage message, bool consumed, WebSocketStatus arrival)
    {
        if (arrival != WebSocketStatus.Open || cycle.ClosingByUser)
        {
            var when = arrival != WebSocketStatus.Open
                ? $"arrived while the status was {arrival}"
                : "arrived while open, but its turn came after Close() was called";
            Raise(WebSocketEvent.Error, default, new WebSocketErrorInfo(
                WebSocketErrorKind.MessageWhileNotOpen,
                $"A {message.Kind.ToString().ToLowerInvariant()} message of {message.Data.Length} bytes {when}; it was not delivered.",
                rawText: message.GetText()), null);
            return default;
        }

        Raise(WebSocketEvent.Message, message, null, null);
        return !consumed && MessageInterceptor is { } intercept ? InterceptAsync(intercept, message) : default;
    }

    /// <summary>Raises one event on the callbacks and .NET events; a handler that throws becomes an error that follows it.</summary>
    private void Raise(WebSocketEvent @event, in WebSocketMessage message, WebSocketErrorInfo? error, WebSocketCloseInfo? close)
    {
        if (_callback is not null)
        {
            try
            {
                _callback(@event, @event switch
                {
                    WebSocketEvent.Message => message.GetText(),
                    WebSocketEvent.Error => error!.Message,
                    _ => null,
                });
            }
            catch (Exception ex)
            {
                ReportHandlerFault(@event, ex);
            }
        }

        if (_dataCallback is not null)
        {
            try
            {
                _dataCallback(@event, new WebSocketEventData(@event, message, error, close));
            }
            catch (Exception ex)
            {
                ReportHandlerFault(@event, ex);
            }
        }

        try
        {
            switch (@event)
            {
                case WebSocketEvent.Opening:
                    Opening?.Invoke();
                    break;
                case WebSocketEvent.Opened:
                    Opened?.Invoke();
                    break;
                case WebSocketEvent.Closing:
                    Closing?.Invoke();
                    break;
                case WebSocketEvent.Closed:
                    Closed?.Invoke(close.GetValueOrDefault());
                    break;
                case WebSocketEvent.Error:
                    Telemetry.ErrorRaised(error!);
                    Error?.Invoke(error!);
                    break;
                case WebSocketEvent.Message:
                    MessageReceived?.Invoke(message);
                    break;
            }
        }
        catch (Exception ex)
        {
            ReportHandlerFault(@event, ex);
        }
    }

    private ValueTask InterceptAsync(Func<WebSocketMessage, ValueTask> intercept, WebSocketMessage message)
    {
        try
        {
            var handled = intercept(message);
            return handled.IsCompletedSuccessfully ? default : AwaitInterceptAsync(handled);
        }
        catch (Exception ex)
        {
            ReportHandlerFault(WebSocketEvent.Message, ex);
            return default;
        }
    }

    private async ValueTask AwaitInterceptAsync(ValueTask handled)
    {
        try
        {
            await handled.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ReportHandlerFault(WebSocketEvent.Message, ex);
        }
    }

    /// <summary>A user handler threw: report it as an error event (unless it was an error handler) and go on.</summary>
    private void ReportHandlerFault(WebSocketEvent @event, Exception exception)
    {
        if (@event == WebSocketEvent.Error)
        {
            Log.ErrorHandlerFailed(_logger, Url, exception);
            return;
        }

        var error = new WebSocketErrorInfo(
            WebSocketErrorKind.Callback,
            $"A handler of the {@event} event threw {exception.GetType().Name}: {exception.Message} The connection stays open.",
            exception);
        Log.Error(_logger, Url, error.Kind, error.Message, exception);
        _dispatcher.EnqueueDeliveryFollowUp(PendingEvent.ForError(error));
    }

    private void OnDeliveryFault(Exception exception)
    {
        ReportHandlerFault(WebSocketEvent.Message, exception);
        _dispatcher.Drain(); // a no-op when called from inside a delivery, which picks the error up itself
    }
}
