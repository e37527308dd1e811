using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace CpWebSocket.Testing;

/// <summary>
/// One thing exchanged on a connection of an <see cref="InMemoryServer{TClient}"/>: a message either way, a close frame,
/// or bytes the test wrote raw. A message the client sent is whole; one the test sent in parts is a frame per part.
/// </summary>
public sealed class PeerFrame
{
    internal PeerFrame(PeerDirection direction, PeerFrameKind kind, ReadOnlyMemory<byte> data, bool endOfMessage = true, WebSocketCloseStatus? closeStatus = null, string? closeDescription = null)
    {
        Direction = direction;
        Kind = kind;
        Data = data;
        EndOfMessage = endOfMessage;
        CloseStatus = closeStatus;
        CloseDescription = closeDescription;
    }

    /// <summary>Which way it went.</summary>
    public PeerDirection Direction { get; }

    /// <summary>What it is.</summary>
    public PeerFrameKind Kind { get; }

    /// <summary>Its bytes, exactly as sent: UTF-8 for text; empty for a close frame.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>False for a part of a message that more parts follow.</summary>
    public bool EndOfMessage { get; }

    /// <summary>The status of a close frame; <see langword="null"/> for other frames, and for a close frame without a status.</summary>
    public WebSocketCloseStatus? CloseStatus { get; }

    /// <summary>The description of a close frame, if it had one.</summary>
    public string? CloseDescription { get; }

    /// <summary>The bytes decoded as UTF-8.</summary>
    /// <returns>The text.</returns>
    public string GetText() => Encoding.UTF8.GetString(Data.Span);

    /// <summary>The frame as it reads in a failure message: <c>from client: text {"type":"chat.say",...}</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{(Direction == PeerDirection.FromClient ? "from client" : "to client")}: {Describe()}";

    /// <summary>What the frame is, without its direction: <c>text {"type":"chat.say",...}</c>.</summary>
    internal string Describe()
    {
        var part = EndOfMessage ? string.Empty : " (a part; more follow)";
        return Kind switch
        {
            PeerFrameKind.Text => $"text{part} {Clip(GetText())}",
            PeerFrameKind.Binary => $"binary{part}, {Data.Length} bytes: {Hex(Data.Span)}",
            PeerFrameKind.Close => CloseStatus is { } status
                ? $"close {(int)status} {status}{(string.IsNullOrEmpty(CloseDescription) ? string.Empty : $" \"{CloseDescription}\"")}"
                : "close without a status",
            _ => $"raw bytes, {Data.Length}: {Hex(Data.Span)}",
        };
    }

    private static string Clip(string text, int max = 400) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    private static string Hex(ReadOnlySpan<byte> data)
    {
        const int Max = 32;
        var hex = new StringBuilder();
        foreach (var value in data[..Math.Min(data.Length, Max)])
        {
            hex.Append(hex.Length == 0 ? string.Empty : " ").Append(value.ToString("X2", CultureInfo.InvariantCulture));
        }

        return data.Length > Max ? hex.Append(" …").ToString() : hex.ToString();
    }
}
