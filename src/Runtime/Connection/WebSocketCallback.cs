namespace CpWebSocket;

/// <summary>
/// The seed's callback: the event, and the received message or the error message.
/// Binary messages are decoded as UTF-8; use <see cref="WebSocketDataCallback"/> for exact bytes.
/// </summary>
/// <param name="event">What happened.</param>
/// <param name="message">The message text for <see cref="WebSocketEvent.Message"/>, the error text for <see cref="WebSocketEvent.Error"/>, otherwise <see langword="null"/>.</param>
public delegate void WebSocketCallback(WebSocketEvent @event, string? message);
