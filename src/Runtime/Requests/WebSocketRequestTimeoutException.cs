namespace CpWebSocket;

/// <summary>A request's response did not arrive within its timeout. The request is forgotten: a late response goes to <c>Unhandled</c>.</summary>
public sealed class WebSocketRequestTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public WebSocketRequestTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What timed out.</param>
    public WebSocketRequestTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="innerException">The cause.</param>
    public WebSocketRequestTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id the request was sent with.</summary>
    public long RequestId { get; init; }

    /// <summary>How long the request waited.</summary>
    public TimeSpan Timeout { get; init; }
}
