namespace CpWebSocket;

/// <summary>What kind of failure an <see cref="WebSocketErrorInfo"/> reports.</summary>
public enum WebSocketErrorKind
{
    /// <summary>The connection could not be established.</summary>
    Connect,

    /// <summary>An open connection was lost without a close handshake.</summary>
    ConnectionLost,

    /// <summary>The peer broke the websocket protocol (for example invalid UTF-8 in a text frame).</summary>
    Protocol,

    /// <summary>An inbound message exceeded <see cref="HttpWebSocketOptions.MaxMessageSize"/>; the connection was closed with status 1009.</summary>
    MessageTooLarge,

    /// <summary>A message could not be sent.</summary>
    Send,

    /// <summary>A user callback or event handler threw; the connection stays open.</summary>
    Callback,

    /// <summary>A message arrived while the status was not <see cref="WebSocketStatus.Open"/>, or its turn came after <see cref="HttpWebSocket.Close"/> was called; it was not delivered.</summary>
    MessageWhileNotOpen,

    /// <summary>A text message was not valid JSON.</summary>
    InvalidJson,

    /// <summary>A JSON message had no discriminator property, or it was not a string or integer.</summary>
    MissingDiscriminator,

    /// <summary>A JSON message did not deserialize into the contract its discriminator names.</summary>
    Deserialization,

    /// <summary>A call was made in a status that does not allow it.</summary>
    InvalidOperation,

    /// <summary>
    /// A message stream was full and dropped its oldest message (<see cref="MessageStreamFullMode.DropOldest"/>);
    /// the message was delivered to the other handlers.
    /// </summary>
    MessageDropped,

    /// <summary>
    /// An <c>OnOpened</c> hook (the app's handshake) threw: the connection was closed by this side, the open failed with
    /// this cause, and the reconnect policy counts it as a failed attempt.
    /// </summary>
    OpenedHook,
}
