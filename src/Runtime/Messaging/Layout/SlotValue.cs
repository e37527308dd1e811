using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace CpWebSocket.Messaging.Layout;

/// <summary>Reads the scalar a <see cref="FieldSlot"/> points at: discriminators and request ids.</summary>
internal static class SlotValue
{
    // Escaped strings are unescaped on the stack up to this size, in a pooled array beyond it.
    public const int StackUnescapeLimit = 256;

    /// <summary>The bytes of the value, quotes included.</summary>
    public static ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> json, in FieldSlot slot) => json.Slice(slot.Start, slot.Length);

    /// <summary>Reads a JSON number that is a 64-bit integer.</summary>
    public static bool TryGetInt64(ReadOnlySpan<byte> json, in FieldSlot slot, out long value)
    {
        value = 0;
        var raw = Raw(json, slot);
        return slot.Token == JsonTokenType.Number && Utf8Parser.TryParse(raw, out value, out var consumed) && consumed == raw.Length;
    }

    /// <summary>Reads a request id: a number, or a string of digits (not escaped).</summary>
    public static bool TryGetId(ReadOnlySpan<byte> json, in FieldSlot slot, out long id)
    {
        id = 0;
        if (slot.Token == JsonTokenType.Number)
        {
            return TryGetInt64(json, slot, out id);
        }

        if (slot.Token != JsonTokenType.String)
        {
            return false;
        }

        var inner = Raw(json, slot)[1..^1];
        return inner.IndexOf((byte)'\\') < 0 && Utf8Parser.TryParse(inner, out id, out var consumed) && consumed == inner.Length;
    }

    /// <summary>Whether the string value, unescaped, equals <paramref name="expected"/>.</summary>
    public static bool StringEquals(ReadOnlySpan<byte> json, in FieldSlot slot, ReadOnlySpan<byte> expected)
    {
        if (slot.Token != JsonTokenType.String)
        {
            return false;
        }

        var inner = Raw(json, slot)[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return inner.SequenceEqual(expected);
        }

        var reader = new Utf8JsonReader(Raw(json, slot));
        reader.Read();
        return reader.ValueTextEquals(expected);
    }

    /// <summary>Whether the value equals <paramref name="expected"/>, whose UTF-8 bytes are <paramref name="expectedUtf8"/> for a string.</summary>
    public static bool Equals(ReadOnlySpan<byte> json, in FieldSlot slot, MessageDiscriminator expected, ReadOnlySpan<byte> expectedUtf8) =>
        expected.IsString
            ? StringEquals(json, slot, expectedUtf8)
            : TryGetInt64(json, slot, out var value) && value == expected.IntegerValue;

    /// <summary>
    /// Calls <paramref name="find"/> with the unescaped bytes of a string value, without allocating unless it is longer
    /// than <see cref="StackUnescapeLimit"/> and escaped.
    /// </summary>
    public static TResult? WithString<TState, TResult>(ReadOnlySpan<byte> json, in FieldSlot slot, TState state, FindInUtf8<TState, TResult> find)
    {
        var raw = Raw(json, slot);
        var inner = raw[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return find(state, inner);
        }

        // Unescaping never lengthens a value, so the escaped length bounds the scratch space.
        byte[]? rented = null;
        var scratch = inner.Length <= StackUnescapeLimit
            ? stackalloc byte[StackUnescapeLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(inner.Length));
        try
        {
            var reader = new Utf8JsonReader(raw);
            reader.Read();
            var length = reader.CopyString(scratch);
            return find(state, scratch[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The value as a discriminator, for reports; <see langword="null"/> when it is neither a string nor a 64-bit integer.</summary>
    public static MessageDiscriminator? ToDiscriminator(ReadOnlySpan<byte> json, in FieldSlot slot)
    {
        if (slot.Token == JsonTokenType.String)
        {
            var reader = new Utf8JsonReader(Raw(json, slot));
            reader.Read();
            return reader.GetString()!;
        }

        return TryGetInt64(json, slot, out var value) ? value : null;
    }

    /// <summary>Encodes a string discriminator for comparisons.</summary>
    public static byte[] Utf8(MessageDiscriminator discriminator) =>
        discriminator.IsString ? Encoding.UTF8.GetBytes(discriminator.StringValue!) : [];
}

/// <summary>Looks something up by the UTF-8 bytes of a string.</summary>
internal delegate TResult? FindInUtf8<TState, TResult>(TState state, ReadOnlySpan<byte> utf8);
