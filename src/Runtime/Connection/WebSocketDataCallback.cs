namespace CpWebSocket;

/// <summary>
/// The rich callback: the event with its message type and exact bytes, its error, or its close status.
/// </summary>
/// <param name="event">What happened.</param>
/// <param name="data">The message, error or close details; message bytes are valid only during the call.</param>
public delegate void WebSocketDataCallback(WebSocketEvent @event, in WebSocketEventData data);
