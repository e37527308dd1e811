namespace CpWebSocket;

/// <summary>What a message stream does when its consumer is slower than the socket and its buffer is full.</summary>
public enum MessageStreamFullMode
{
    /// <summary>
    /// The default: the next received message waits until the consumer makes room, like an async handler. Nothing is
    /// lost; every event of the client waits with it, and the socket's receive window fills until the server slows down.
    /// </summary>
    Wait,

    /// <summary>
    /// The oldest buffered message is dropped to make room, and an <see cref="WebSocketErrorKind.MessageDropped"/>
    /// error is raised for it. The connection never waits for the consumer.
    /// </summary>
    DropOldest,
}
