namespace CpWebSocket;

/// <summary>
/// A request was waiting for its response when the connection closed (or was lost, or the client was disposed).
/// Every waiting request fails with it at once; the message says which request and why.
/// </summary>
public sealed class WebSocketRequestAbortedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketRequestAbortedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which request, and why it ended.</param>
    public WebSocketRequestAbortedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which request, and why it ended.</param>
    /// <param name="innerException">The cause.</param>
    public WebSocketRequestAbortedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id the request was sent with.</summary>
    public long RequestId { get; init; }

    /// <summary>How the connection closed, when it did; <see langword="null"/> when the client was disposed.</summary>
    public WebSocketCloseInfo? Close { get; init; }
}
