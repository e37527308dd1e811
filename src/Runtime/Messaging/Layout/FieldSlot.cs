using System.Text.Json;

namespace CpWebSocket.Messaging.Layout;

/// <summary>Where one watched member's value stands in a received message, filled by <see cref="EnvelopeScanner"/>.</summary>
internal struct FieldSlot
{
    /// <summary>The value's first byte, or -1 when the message has no such member.</summary>
    public int Start;

    /// <summary>The value's length in bytes, quotes and brackets included.</summary>
    public int Length;

    /// <summary>The value's first token.</summary>
    public JsonTokenType Token;

    /// <summary>The member stood more than once at its place; the first one is recorded.</summary>
    public bool Repeated;

    public static FieldSlot Absent => new() { Start = -1 };

    public readonly bool IsPresent => Start >= 0;

    /// <summary>Present and not JSON <c>null</c>.</summary>
    public readonly bool HasValue => Start >= 0 && Token != JsonTokenType.Null;
}
