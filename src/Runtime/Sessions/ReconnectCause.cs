namespace CpWebSocket;

/// <summary>
/// What ended a connection, or a connection attempt, after which the <see cref="ReconnectPolicy"/> may open it again: its
/// <see cref="WebSocketEvent.Closed"/> details and the error that ended it. <see cref="ReconnectPolicy.ShouldReconnect"/>
/// decides on it, and the next attempt carries it (<see cref="Transport.WebSocketConnectContext.Cause"/>).
/// </summary>
public sealed class ReconnectCause
{
    /// <summary>Creates the cause of a reconnect.</summary>
    /// <param name="close">How the connection or attempt closed (<see cref="WebSocketCloseInfo.WillReconnect"/> is not decided yet).</param>
    /// <param name="error">The error that ended it, if any.</param>
    /// <param name="wasReady">Whether the connection had been ready (open, and its <c>OnOpened</c> hooks ran).</param>
    /// <param name="nextAttempt">The number of the attempt that would follow, from 1.</param>
    public ReconnectCause(WebSocketCloseInfo close, WebSocketErrorInfo? error, bool wasReady, int nextAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nextAttempt, 1);
        Close = close;
        Error = error;
        WasReady = wasReady;
        NextAttempt = nextAttempt;
    }

    /// <summary>How the connection or attempt closed: the close code and reason, and which side closed.</summary>
    public WebSocketCloseInfo Close { get; }

    /// <summary>
    /// The close code as a number (<c>4004</c>), for pattern matching: <c>cause.CloseCode is not (4004 or (&gt;= 4010 and &lt;= 4014))</c>;
    /// <see langword="null"/> when there was no close frame (a failed connect, a lost connection).
    /// </summary>
    public int? CloseCode => (int?)Close.Status;

    /// <summary>
    /// The error that ended it: <see cref="WebSocketErrorKind.Connect"/> (the connect failed),
    /// <see cref="WebSocketErrorKind.ConnectionLost"/>, <see cref="WebSocketErrorKind.Protocol"/>,
    /// <see cref="WebSocketErrorKind.MessageTooLarge"/>, or <see cref="WebSocketErrorKind.OpenedHook"/> (a handshake
    /// failed); <see langword="null"/> for a close handshake.
    /// </summary>
    public WebSocketErrorInfo? Error { get; }

    /// <summary>Whether the connection had been ready (open, and its <c>OnOpened</c> hooks ran) before it ended.</summary>
    public bool WasReady { get; }

    /// <summary>The number of the attempt that would follow, from 1; counted afresh after each connection that was ready.</summary>
    public int NextAttempt { get; }

    /// <inheritdoc />
    public override string ToString() => (CloseCode, Error) switch
    {
        ({ } code, _) => $"closed with {code}{(Close.ByPeer ? " by the peer" : string.Empty)}{(string.IsNullOrEmpty(Close.Description) ? string.Empty : $" '{Close.Description}'")}",
        (null, { } error) => error.Kind.ToString(),
        _ => Close.ByPeer ? "closed by the peer" : "closed",
    };
}
