using System.Buffers;
using System.Net.WebSockets;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/relay</c>: the client dictates the frames the server sends. Each binary message from the client is one
/// instruction: its first byte is <c>t</c> (send the rest as one text frame, bytes unchanged, valid UTF-8 or not) or
/// <c>b</c> (send the rest as one binary frame). Instructions are carried out in order. Messages are not recorded,
/// so a long run keeps no memory on the server. The client's close is answered with the same code.
/// </summary>
internal sealed class RelayEndpoint : WebSocketEndpoint
{
    /// <summary>The instruction byte that asks for a text frame.</summary>
    public const byte Text = (byte)'t';

    /// <summary>The instruction byte that asks for a binary frame.</summary>
    public const byte Binary = (byte)'b';

    private const int ReceiveChunkSize = 16 * 1024;

    public override string Path => "/relay";

    public override async Task RunAsync(WebSocketSession session)
    {
        var buffer = new ArrayBufferWriter<byte>(ReceiveChunkSize);
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await session.Socket.ReceiveAsync(buffer.GetMemory(ReceiveChunkSize), session.Stopping).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    session.Log.RecordCloseReceived(session.Socket.CloseStatus, session.Socket.CloseStatusDescription);
                    await session.AnswerCloseAsync(session.Stopping).ConfigureAwait(false);
                    return;
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > session.MaxMessageSize)
                {
                    await session.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big").ConfigureAwait(false);
                    return;
                }
            }
            while (!result.EndOfMessage);

            var instruction = buffer.WrittenMemory;
            var type = result.MessageType == WebSocketMessageType.Binary && instruction.Length > 0
                ? instruction.Span[0] switch
                {
                    Text => WebSocketMessageType.Text,
                    Binary => WebSocketMessageType.Binary,
                    _ => (WebSocketMessageType?)null,
                }
                : null;
            if (type is null)
            {
                await session.CloseAsync(WebSocketCloseStatus.PolicyViolation, "not a relay instruction").ConfigureAwait(false);
                return;
            }

            await session.SendAsync(type.Value, instruction[1..], endOfMessage: true, session.Stopping).ConfigureAwait(false);
        }
    }
}
