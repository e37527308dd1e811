namespace CpWebSocket;

/// <summary>
/// A wait for a message (<see cref="Messaging.MessageClient.WaitForAsync{T}(Func{T, bool}?, CancellationToken)"/>) ended
/// before the message arrived: the connection closed, or the client was disposed. The message says which and why.
/// </summary>
public sealed class WebSocketWaitAbortedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketWaitAbortedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was awaited, and why the wait ended.</param>
    public WebSocketWaitAbortedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was awaited, and why the wait ended.</param>
    /// <param name="innerException">The cause.</param>
    public WebSocketWaitAbortedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How the connection closed, when it did; <see langword="null"/> when the client was disposed.</summary>
    public WebSocketCloseInfo? Close { get; init; }
}
