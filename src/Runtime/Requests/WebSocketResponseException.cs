namespace CpWebSocket;

/// <summary>
/// The response to a request arrived but did not give a result: it could not be read as the response type
/// (<see cref="Exception.InnerException"/> says why), or, as <see cref="WebSocketResponseException{TError}"/>,
/// it carried the server's error.
/// </summary>
public class WebSocketResponseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketResponseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Which response, and what was wrong.</param>
    public WebSocketResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Which response, and what was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public WebSocketResponseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id the request was sent with.</summary>
    public long RequestId { get; init; }

    /// <summary>The response as received (UTF-8 decoded), or <see langword="null"/> when not kept.</summary>
    public string? RawText { get; init; }
}
