namespace CpWebSocket.Tests.Server;

/// <summary>
/// The exact bytes the <c>/send</c> endpoint sends, so tests can check what they received.
/// </summary>
public static class ServerPayloads
{
    /// <summary>The size of each fragment of an <c>oversized</c> message.</summary>
    public const int FragmentSize = 16 * 1024;

    /// <summary>The payload of text message <paramref name="index"/> (0-based): ASCII letters, byte j = 'a' + (index + j) % 26.</summary>
    /// <param name="index">The 0-based position of the message in the batch.</param>
    /// <param name="size">The payload length in bytes.</param>
    public static byte[] Text(int index, int size)
    {
        var bytes = new byte[size];
        for (var j = 0; j < size; j++)
        {
            bytes[j] = (byte)('a' + ((index + j) % 26));
        }

        return bytes;
    }

    /// <summary>The payload of binary (or oversized) message <paramref name="index"/> (0-based): byte j = (index + j) mod 256.</summary>
    /// <param name="index">The 0-based position of the message in the batch.</param>
    /// <param name="size">The payload length in bytes.</param>
    public static byte[] Binary(int index, int size)
    {
        var bytes = new byte[size];
        Fill(bytes, index, 0);
        return bytes;
    }

    /// <summary>The payload of every <c>invalid-utf8</c> text message: 0xC3 0x28, a lead byte followed by a non-continuation byte.</summary>
    public static byte[] InvalidUtf8() => [0xC3, 0x28];

    /// <summary>Fills <paramref name="destination"/> with the bytes of binary message <paramref name="index"/> starting at <paramref name="offset"/>.</summary>
    internal static void Fill(Span<byte> destination, int index, long offset)
    {
        for (var j = 0; j < destination.Length; j++)
        {
            destination[j] = (byte)((index + offset + j) % 256);
        }
    }
}
