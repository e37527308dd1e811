namespace CpWebSocket.Transport;

/// <summary>One event waiting for its turn in the <see cref="EventDispatcher"/>.</summary>
internal readonly struct PendingEvent
{
    private PendingEvent(WebSocketEvent @event, WebSocketMessage message, IDisposable? messageOwner, WebSocketErrorInfo? error, WebSocketCloseInfo? close)
    {
        Event = @event;
        Message = message;
        MessageOwner = messageOwner;
        Error = error;
        Close = close;
    }

    public WebSocketEvent Event { get; }

    public WebSocketMessage Message { get; }

    /// <summary>Owns the pooled buffer behind <see cref="Message"/>; disposed once the event was delivered.</summary>
    public IDisposable? MessageOwner { get; }

    public WebSocketErrorInfo? Error { get; }

    public WebSocketCloseInfo? Close { get; }

    public static PendingEvent Lifecycle(WebSocketEvent @event) => new(@event, default, null, null, null);

    public static PendingEvent ForMessage(WebSocketMessage message, IDisposable? owner) => new(WebSocketEvent.Message, message, owner, null, null);

    public static PendingEvent ForError(WebSocketErrorInfo error) => new(WebSocketEvent.Error, default, null, error, null);

    public static PendingEvent ForClosed(WebSocketCloseInfo close) => new(WebSocketEvent.Closed, default, null, null, close);
}
