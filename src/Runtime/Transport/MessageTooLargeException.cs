namespace CpWebSocket.Transport;

/// <summary>Ends the receive loop when an inbound message exceeds the configured limit.</summary>
internal sealed class MessageTooLargeException : Exception
{
    public MessageTooLargeException(long limit)
        : base($"An inbound message exceeded the {limit} byte limit (HttpWebSocketOptions.MaxMessageSize); the connection was closed with status 1009.")
    {
    }
}
