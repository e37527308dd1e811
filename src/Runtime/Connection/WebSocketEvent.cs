namespace CpWebSocket;

/// <summary>What a callback is told about, as <c>cp.websocket.event</c> names it.</summary>
public enum WebSocketEvent
{
    /// <summary>The status became <see cref="WebSocketStatus.Opening"/>.</summary>
    Opening,

    /// <summary>The status became <see cref="WebSocketStatus.Open"/>.</summary>
    Opened,

    /// <summary>The status became <see cref="WebSocketStatus.Closing"/>.</summary>
    Closing,

    /// <summary>The status became <see cref="WebSocketStatus.Closed"/>.</summary>
    Closed,

    /// <summary>Something failed; the message says what.</summary>
    Error,

    /// <summary>A message arrived while the connection was open.</summary>
    Message,
}
