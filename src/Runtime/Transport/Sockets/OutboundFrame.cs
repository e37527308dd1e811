using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace CpWebSocket.Transport.Sockets;

/// <summary>
/// Reads the header of a frame this side writes (every write of the websocket is one whole frame) and builds the close
/// frame the stream writes itself when it refuses a message.
/// </summary>
internal static class OutboundFrame
{
    /// <summary>What a written frame is.</summary>
    public static OutboundFrameKind Classify(ReadOnlySpan<byte> frame, out WebSocketCloseStatus closeStatus)
    {
        closeStatus = default;
        if (frame.Length < 2)
        {
            return OutboundFrameKind.Control;
        }

        switch (frame[0] & 0x0F)
        {
            case 0x0 or 0x1 or 0x2:
                return OutboundFrameKind.Data;
            case 0x8:
                closeStatus = ReadCloseStatus(frame);
                return OutboundFrameKind.Close;
            default:
                return OutboundFrameKind.Control;
        }
    }

    /// <summary>A masked close frame, as a client writes it.</summary>
    public static byte[] Close(WebSocketCloseStatus status, string reason)
    {
        var reasonLength = Math.Min(Encoding.UTF8.GetByteCount(reason), 123);
        var frame = new byte[2 + 4 + 2 + reasonLength];
        frame[0] = 0x88;
        frame[1] = (byte)(0x80 | (2 + reasonLength));
        RandomNumberGenerator.Fill(frame.AsSpan(2, 4));
        var payload = frame.AsSpan(6);
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        Encoding.UTF8.GetBytes(reason.AsSpan(0, Math.Min(reason.Length, reasonLength)), payload[2..]);
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= frame[2 + (i & 3)];
        }

        return frame;
    }

    private static WebSocketCloseStatus ReadCloseStatus(ReadOnlySpan<byte> frame)
    {
        var length = frame[1] & 0x7F;
        var masked = (frame[1] & 0x80) != 0;
        var payloadStart = 2 + (masked ? 4 : 0);
        if (length < 2 || frame.Length < payloadStart + 2)
        {
            return WebSocketCloseStatus.Empty;
        }

        var high = frame[payloadStart];
        var low = frame[payloadStart + 1];
        if (masked)
        {
            high ^= frame[2];
            low ^= frame[3];
        }

        return (WebSocketCloseStatus)((high << 8) | low);
    }
}
