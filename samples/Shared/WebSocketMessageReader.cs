using System.Buffers;
using System.Net.WebSockets;

namespace Samples.Shared;

/// <summary>Reads whole messages for the samples' servers, answering the client's close frame.</summary>
internal static class WebSocketMessageReader
{
    /// <summary>The largest message the samples' servers accept.</summary>
    public const int MaxMessageSize = 64 * 1024;

    /// <summary>
    /// Reads one whole message into <paramref name="message"/>. Returns its frame type, or <see langword="null"/> once
    /// the client closed (the close is answered with its own code) or sent a message over <see cref="MaxMessageSize"/>
    /// (closed with 1009).
    /// </summary>
    /// <param name="socket">The socket to read.</param>
    /// <param name="message">Receives the message; reset first.</param>
    /// <param name="closeOutput">Writes a close frame; a server that serializes its sends passes its own.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<WebSocketMessageType?> ReadAsync(
        WebSocket socket,
        ArrayBufferWriter<byte> message,
        Func<WebSocketCloseStatus, string?, CancellationToken, Task> closeOutput,
        CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await closeOutput(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, cancellationToken);
                return null;
            }

            message.Advance(result.Count);
            if (message.WrittenCount > MaxMessageSize)
            {
                await closeOutput(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {MaxMessageSize} bytes.", cancellationToken);
                return null;
            }
        }
        while (!result.EndOfMessage);

        return result.MessageType;
    }
}
