namespace CpWebSocket;

/// <summary>The server answered a request with an error (see <see cref="IResponse{TResult, TError}"/>).</summary>
/// <typeparam name="TError">The server's error type.</typeparam>
public sealed class WebSocketResponseException<TError> : WebSocketResponseException
    where TError : class
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which request, and the error.</param>
    /// <param name="error">The server's error.</param>
    public WebSocketResponseException(string message, TError error)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The server's error, as deserialized.</summary>
    public TError Error { get; }
}
