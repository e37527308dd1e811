namespace CpWebSocket;

/// <summary>Everything known about one event, for <see cref="WebSocketDataCallback"/>.</summary>
public readonly struct WebSocketEventData
{
    internal WebSocketEventData(WebSocketEvent @event, WebSocketMessage message, WebSocketErrorInfo? error, WebSocketCloseInfo? close)
    {
        Event = @event;
        Message = message;
        Error = error;
        Close = close;
    }

    /// <summary>The event.</summary>
    public WebSocketEvent Event { get; }

    /// <summary>The message, for <see cref="WebSocketEvent.Message"/>; its bytes are valid only during the callback.</summary>
    public WebSocketMessage Message { get; }

    /// <summary>The error, for <see cref="WebSocketEvent.Error"/>.</summary>
    public WebSocketErrorInfo? Error { get; }

    /// <summary>How the connection closed, for <see cref="WebSocketEvent.Closed"/>.</summary>
    public WebSocketCloseInfo? Close { get; }
}
