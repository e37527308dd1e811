using System.Text;

namespace CpWebSocket;

/// <summary>
/// A received message: its frame type and its exact bytes, without a string copy.
/// </summary>
/// <remarks>
/// <see cref="Data"/> points into a pooled buffer that is reused once the callback returns.
/// Copy it (<c>Data.ToArray()</c>) or decode it (<see cref="GetText"/>) to keep it longer.
/// </remarks>
public readonly struct WebSocketMessage
{
    /// <summary>Creates a message view over <paramref name="data"/>.</summary>
    /// <param name="kind">The frame type the message travelled in.</param>
    /// <param name="data">The message's bytes.</param>
    public WebSocketMessage(WebSocketMessageKind kind, ReadOnlyMemory<byte> data)
    {
        Kind = kind;
        Data = data;
    }

    /// <summary>The frame type the message travelled in.</summary>
    public WebSocketMessageKind Kind { get; }

    /// <summary>The message's bytes, exactly as received. Valid only during the callback.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Whether the message came in a text frame.</summary>
    public bool IsText => Kind == WebSocketMessageKind.Text;

    /// <summary>Decodes the bytes as UTF-8, replacing invalid sequences with U+FFFD.</summary>
    /// <returns>The message as a string.</returns>
    public string GetText() => Encoding.UTF8.GetString(Data.Span);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} message, {Data.Length} bytes";
}
