namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>What one call to <see cref="WebSocketSession.ReceiveAsync"/> produced.</summary>
internal enum InboundKind
{
    /// <summary>A whole data message.</summary>
    Message,

    /// <summary>The client's close frame (already recorded in the log).</summary>
    Close,

    /// <summary>A message larger than the session's limit; the rest of it was not read.</summary>
    TooBig,
}
