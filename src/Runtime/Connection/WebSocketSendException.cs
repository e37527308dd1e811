namespace CpWebSocket;

/// <summary>Thrown by <c>SendAsync</c> when a message cannot be sent: the connection is not open, or the write failed.</summary>
public sealed class WebSocketSendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketSendException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public WebSocketSendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public WebSocketSendException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
