namespace CpWebSocket;

/// <summary>Thrown by <see cref="HttpWebSocket.OpenAsync"/> when the connection cannot be established.</summary>
public sealed class WebSocketConnectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketConnectException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public WebSocketConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public WebSocketConnectException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
