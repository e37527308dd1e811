using CpWebSocket.Transport;

namespace CpWebSocket;

/// <summary>One event waiting for its turn in the <see cref="EventDispatcher"/>.</summary>
internal readonly struct PendingEvent
{
    private PendingEvent(WebSocketEvent @event, WebSocketMessage message, IDisposable? messageOwner, WebSocketErrorInfo? error, WebSocketCloseInfo? close, Action? continuation = null, Connection? source = null, WebSocketStatus arrivalStatus = WebSocketStatus.Closed)
    {
        Source = source;
        ArrivalStatus = arrivalStatus;
        Event = @event;
        Message = message;
        MessageOwner = messageOwner;
        Error = error;
        Close = close;
        Continuation = continuation;
    }

    public WebSocketEvent Event { get; }

    /// <summary>The connection a message arrived on.</summary>
    public Connection? Source { get; }

    /// <summary>The status when a message arrived on <see cref="Source"/>: whether it is delivered is decided by it.</summary>
    public WebSocketStatus ArrivalStatus { get; }

    public WebSocketMessage Message { get; }

    /// <summary>Owns the pooled buffer behind <see cref="Message"/>; disposed once the event was delivered.</summary>
    public IDisposable? MessageOwner { get; }

    public WebSocketErrorInfo? Error { get; }

    public WebSocketCloseInfo? Close { get; }

    /// <summary>
    /// Not an event: work that must happen after the events queued before it were delivered, such as completing
    /// the task of <c>OpenAsync</c> only once the <c>Opened</c> handlers ran.
    /// </summary>
    public Action? Continuation { get; }

    public static PendingEvent Lifecycle(WebSocketEvent @event) => new(@event, default, null, null, null);

    public static PendingEvent ForMessage(WebSocketMessage message, IDisposable? owner, Connection source, WebSocketStatus arrivalStatus) =>
        new(WebSocketEvent.Message, message, owner, null, null, null, source, arrivalStatus);

    public static PendingEvent ForError(WebSocketErrorInfo error) => new(WebSocketEvent.Error, default, null, error, null);

    public static PendingEvent After(Action continuation) => new(default, default, null, null, null, continuation);

    public static PendingEvent ForClosed(WebSocketCloseInfo close) => new(WebSocketEvent.Closed, default, null, null, close);
}
