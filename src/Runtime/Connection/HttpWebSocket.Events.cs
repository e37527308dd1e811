using CpWebSocket.Transport;

namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    /// <summary>The status became <see cref="WebSocketStatus.Opening"/>.</summary>
    public event Action? Opening;

    /// <summary>The status became <see cref="WebSocketStatus.Open"/>.</summary>
    public event Action? Opened;

    /// <summary>The status became <see cref="WebSocketStatus.Closing"/>: this side started the close handshake.</summary>
    public event Action? Closing;

    /// <summary>The status became <see cref="WebSocketStatus.Closed"/>; the argument says how.</summary>
    public event Action<WebSocketCloseInfo>? Closed;

    /// <summary>Something failed; the connection may still be open (see <see cref="WebSocketErrorInfo.Kind"/>).</summary>
    public event Action<WebSocketErrorInfo>? Error;

    /// <summary>A message arrived while open. Its bytes are valid only during the handler.</summary>
    public event Action<WebSocketMessage>? MessageReceived;

    /// <summary>
    /// For the messaging layer: runs after the raw callbacks for every delivered message; the next event
    /// waits until the returned task completes. Faults become <see cref="WebSocketErrorKind.Callback"/> errors.
    /// </summary>
    internal Func<WebSocketMessage, ValueTask>? MessageInterceptor { get; set; }

    /// <summary>Raises an <see cref="WebSocketEvent.Error"/> event through the serial event order.</summary>
    /// <param name="error">The error to report.</param>
    internal void ReportError(WebSocketErrorInfo error)
    {
        Log.Error(_logger, Url, error.Kind, error.Message, error.Exception);
        _dispatcher.Post(PendingEvent.ForError(error));
    }

    private ValueTask DeliverAsync(PendingEvent pending)
    {
        if (pending.Continuation is { } continuation)
        {
            continuation();
            return default;
        }

        // A message that arrived while open is delivered even when the connection failed since (its Error and Closed
        // follow it); one that arrived while not open, or whose turn came after Close() was called, is not.
        if (pending.Event == WebSocketEvent.Message && (pending.ArrivalStatus != WebSocketStatus.Open || pending.Source!.ClosingByUser))
        {
            var when = pending.ArrivalStatus != WebSocketStatus.Open
                ? $"arrived while the status was {pending.ArrivalStatus}"
                : "arrived while open, but its turn came after Close() was called";
            return DeliverAsync(PendingEvent.ForError(new WebSocketErrorInfo(
                WebSocketErrorKind.MessageWhileNotOpen,
                $"A {pending.Message.Kind.ToString().ToLowerInvariant()} message of {pending.Message.Data.Length} bytes {when}; it was not delivered.",
                rawText: pending.Message.GetText())));
        }

        if (_callback is not null)
        {
            try
            {
                _callback(pending.Event, pending.Event switch
                {
                    WebSocketEvent.Message => pending.Message.GetText(),
                    WebSocketEvent.Error => pending.Error!.Message,
                    _ => null,
                });
            }
            catch (Exception ex)
            {
                ReportHandlerFault(pending.Event, ex);
            }
        }

        if (_dataCallback is not null)
        {
            try
            {
                _dataCallback(pending.Event, new WebSocketEventData(pending.Event, pending.Message, pending.Error, pending.Close));
            }
            catch (Exception ex)
            {
                ReportHandlerFault(pending.Event, ex);
            }
        }

        try
        {
            switch (pending.Event)
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
                    Closed?.Invoke(pending.Close.GetValueOrDefault());
                    break;
                case WebSocketEvent.Error:
                    Error?.Invoke(pending.Error!);
                    break;
                case WebSocketEvent.Message:
                    MessageReceived?.Invoke(pending.Message);
                    break;
            }
        }
        catch (Exception ex)
        {
            ReportHandlerFault(pending.Event, ex);
        }

        return pending.Event == WebSocketEvent.Message && MessageInterceptor is { } intercept
            ? InterceptAsync(intercept, pending.Message)
            : default;
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
        _dispatcher.Enqueue(PendingEvent.ForError(error));
    }

    private void OnDeliveryFault(Exception exception)
    {
        ReportHandlerFault(WebSocketEvent.Message, exception);
        _dispatcher.Drain(); // a no-op when called from inside a delivery, which picks the error up itself
    }
}
