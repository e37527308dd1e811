using System.Buffers.Binary;

namespace CpWebSocket.Messaging;

/// <summary>
/// Finds what a string discriminator routes to from its UTF-8 bytes, so routing never turns the received value into a
/// <see cref="string"/>. Open addressing over a power-of-two array; built once, read-only after.
/// </summary>
/// <typeparam name="TValue">What a key routes to.</typeparam>
internal sealed class Utf8KeyTable<TValue>
    where TValue : class
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public Utf8KeyTable(IReadOnlyList<(byte[] Key, TValue Value)> items)
    {
        var size = 4;
        while (size < items.Count * 2)
        {
            size *= 2;
        }

        _entries = new Entry[size];
        _mask = size - 1;
        foreach (var (key, value) in items)
        {
            MaxKeyLength = Math.Max(MaxKeyLength, key.Length);
            var hash = Hash(key);
            var slot = hash & _mask;
            while (_entries[slot].Key is not null)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry(key, hash, value);
        }
    }

    /// <summary>The longest key, in bytes: a longer value cannot match.</summary>
    public int MaxKeyLength { get; }

    /// <summary>What <paramref name="utf8"/> routes to, or <see langword="null"/>.</summary>
    public TValue? Find(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = Hash(utf8);
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            ref readonly var entry = ref _entries[slot];
            if (entry.Key is null)
            {
                return null;
            }

            if (entry.Hash == hash && utf8.SequenceEqual(entry.Key))
            {
                return entry.Value;
            }
        }
    }

    /// <summary>
    /// A hash of the length and of up to 24 bytes (the first, middle and last 8, or all of a shorter key): a few loads
    /// and multiplications, where a hash of every byte would cost more than the rest of the lookup. Keys that differ only
    /// elsewhere share a slot's probe chain, which the full comparison resolves; the keys are the client's own contracts.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var length = utf8.Length;
        ulong hash = (ulong)length * Multiplier;
        if (length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Multiplier;
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[((length / 2) - 4)..])) * Multiplier;
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length - 8)..])) * Multiplier;
        }
        else if (length >= 4)
        {
            var pair = BinaryPrimitives.ReadUInt32LittleEndian(utf8) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(utf8[(length - 4)..]) << 32);
            hash = (hash ^ pair) * Multiplier;
        }
        else if (length > 0)
        {
            hash = (hash ^ (utf8[0] | ((ulong)utf8[length / 2] << 8) | ((ulong)utf8[length - 1] << 16))) * Multiplier;
        }

        return (int)(hash ^ (hash >> 29)) & int.MaxValue;
    }

    private readonly record struct Entry(byte[]? Key, int Hash, TValue? Value);
}
