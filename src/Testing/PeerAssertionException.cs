namespace CpWebSocket.Testing;

/// <summary>
/// What the client did was not what the test expected: a message of another contract, nothing within the wait's time,
/// a connection that ended first. The message says what was expected, what came instead, and what the connection
/// exchanged last. Every test framework reports it as a failure.
/// </summary>
public sealed class PeerAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PeerAssertionException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public PeerAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and what caused it.</summary>
    /// <param name="message">What was expected and what happened.</param>
    /// <param name="innerException">The cause: a deserialization error, an answer that threw.</param>
    public PeerAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
