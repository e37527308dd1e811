namespace CpWebSocket.Messaging;

/// <summary>
/// A handler asked for the envelope of a received message (<see cref="InboundContext.ReadEnvelope{TEnvelope}"/>), and
/// the message does not fit the envelope record. Reported as a <see cref="WebSocketErrorKind.Deserialization"/> error of
/// that message; the handlers that asked for it are not called.
/// </summary>
public sealed class WebSocketEnvelopeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebSocketEnvelopeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What did not fit.</param>
    public WebSocketEnvelopeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What did not fit.</param>
    /// <param name="innerException">The cause.</param>
    public WebSocketEnvelopeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
