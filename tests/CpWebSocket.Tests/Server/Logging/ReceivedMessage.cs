using System.Net.WebSockets;
using System.Text;

namespace CpWebSocket.Tests.Server;

/// <summary>One whole message the test server received from a client.</summary>
public sealed class ReceivedMessage
{
    /// <summary>Creates a record of one received message.</summary>
    /// <param name="type">The frame type of the message (text or binary).</param>
    /// <param name="data">The reassembled payload.</param>
    public ReceivedMessage(WebSocketMessageType type, ReadOnlyMemory<byte> data)
    {
        Type = type;
        Data = data;
    }

    /// <summary>The frame type the client used: <see cref="WebSocketMessageType.Text"/> or <see cref="WebSocketMessageType.Binary"/>.</summary>
    public WebSocketMessageType Type { get; }

    /// <summary>The payload, reassembled from all of its fragments.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>True when the message came in text frames.</summary>
    public bool IsText => Type == WebSocketMessageType.Text;

    /// <summary>The payload decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string Text => Encoding.UTF8.GetString(Data.Span);

    /// <inheritdoc />
    public override string ToString() => $"{Type} ({Data.Length} bytes)";
}
