namespace CpWebSocket;

/// <summary>An error reported through the <see cref="WebSocketEvent.Error"/> event.</summary>
public sealed class WebSocketErrorInfo
{
    /// <summary>Creates an error report.</summary>
    /// <param name="kind">What kind of failure this is.</param>
    /// <param name="message">A sentence that says what went wrong.</param>
    /// <param name="exception">The exception behind the failure, if any.</param>
    /// <param name="rawText">The raw message text, for errors about an inbound message.</param>
    public WebSocketErrorInfo(WebSocketErrorKind kind, string message, Exception? exception = null, string? rawText = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Kind = kind;
        Message = message;
        Exception = exception;
        RawText = rawText;
    }

    /// <summary>What kind of failure this is.</summary>
    public WebSocketErrorKind Kind { get; }

    /// <summary>A sentence that says what went wrong.</summary>
    public string Message { get; }

    /// <summary>The exception behind the failure, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>The raw message text, for errors about an inbound message.</summary>
    public string? RawText { get; }

    /// <summary>
    /// The contract a received message was routed to, for errors about one (it did not deserialize, or its handler
    /// threw); <see langword="null"/> otherwise.
    /// </summary>
    public Type? Contract { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}
