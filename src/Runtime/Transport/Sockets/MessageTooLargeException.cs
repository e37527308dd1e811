namespace CpWebSocket.Transport.Sockets;

/// <summary>Ends a read of the <see cref="WireStream"/> when a frame header announced a message over the limit.</summary>
internal sealed class MessageTooLargeException : IOException
{
    public MessageTooLargeException(long limit, long announced)
        : base($"A frame announced a message of {announced} bytes, over the {limit} byte limit; the connection was closed with status 1009.")
    {
        Limit = limit;
        Announced = announced;
    }

    public long Limit { get; }

    public long Announced { get; }
}
