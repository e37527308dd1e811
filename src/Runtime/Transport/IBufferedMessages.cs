namespace CpWebSocket.Transport;

/// <summary>
/// Whole messages a transport has read from the connection already, which the connection's receive loop may take
/// without a websocket read: each a single frame (final, uncompressed, unmasked, text or binary) entirely in the
/// transport's read buffer, a text one valid UTF-8. Anything else (a control frame, a fragment, a compressed or broken
/// frame, a frame not read whole yet) is left to the websocket, which handles it as it always does; so is everything
/// while the websocket is in the middle of a message. The transport hands the websocket no byte beyond the frame it is
/// reading, so that the websocket holds nothing of a frame taken here.
/// </summary>
internal interface IBufferedMessages
{
    /// <summary>Takes the next message when it is a whole plain frame already read.</summary>
    /// <param name="payload">Its bytes, valid until the next read from the transport.</param>
    /// <param name="text">Whether it is a text message.</param>
    /// <returns><see langword="false"/> when the websocket must read the next message.</returns>
    bool TryTakeMessage(out ReadOnlySpan<byte> payload, out bool text);
}
