namespace CpWebSocket;

/// <summary>The status of an <see cref="HttpWebSocket"/>, as <c>cp.websocket.status</c> names it.</summary>
public enum WebSocketStatus
{
    /// <summary>A connection is being established.</summary>
    Opening,

    /// <summary>The connection is open: messages can be sent and received.</summary>
    Open,

    /// <summary>The close handshake is in progress.</summary>
    Closing,

    /// <summary>No connection: never opened, closed, or failed.</summary>
    Closed,
}
