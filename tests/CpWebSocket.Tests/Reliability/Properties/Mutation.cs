using System.Text;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>
/// One near-valid change to an encoded message: where (<see cref="At"/>, a fraction of its length), how much
/// (<see cref="Length"/>, a fraction of the rest, at most 16 bytes) and with what token.
/// </summary>
public readonly record struct Mutation(MutationKind Kind, double At, double Length, string Token)
{
    public byte[] ApplyTo(byte[] message)
    {
        var position = Math.Min(message.Length, (int)(At * message.Length));
        var length = Math.Min(Math.Min(16, message.Length - position), (int)(Length * 17));
        var token = Encoding.UTF8.GetBytes(Token);
        var bytes = message.AsSpan();
        return Kind switch
        {
            MutationKind.Delete => [.. bytes[..position], .. bytes[(position + length)..]],
            MutationKind.Insert => [.. bytes[..position], .. token, .. bytes[position..]],
            MutationKind.Replace => [.. bytes[..position], .. token, .. bytes[(position + length)..]],
            MutationKind.Duplicate => [.. bytes[..(position + length)], .. bytes[position..]],
            MutationKind.Truncate => bytes[..position].ToArray(),
            _ when position < message.Length => FlipBit(message, position, (int)(Length * 8) % 8),
            _ => message,
        };
    }

    private static byte[] FlipBit(byte[] message, int position, int bit)
    {
        var copy = (byte[])message.Clone();
        copy[position] ^= (byte)(1 << bit);
        return copy;
    }
}
