using System.Buffers;

namespace CpWebSocket;

/// <summary>
/// The receive loop's buffer for the message being read: a pooled array that starts at 4 KiB and doubles up to 64 KiB,
/// then 64 KiB chunks, never more than one byte past the size limit. A message in chunks is copied into one pooled array
/// when it is complete. Nothing is held while the connection waits for data, and a message refused for its size has cost
/// at most the limit plus the array's growth.
/// </summary>
internal sealed class ReceiveBuffer
{
    private const int InitialSize = 4 * 1024;
    private const int ContiguousLimit = 64 * 1024;

    private readonly int _limit;
    private byte[]? _array;
    private int _arrayLength;
    private List<byte[]>? _chunks;
    private int _lastChunkLength;
    private byte[]? _assembled;

    /// <param name="limit">The largest message accepted; reading stops one byte past it.</param>
    public ReceiveBuffer(int limit) => _limit = limit;

    /// <summary>The bytes of the message so far.</summary>
    public long Length { get; private set; }

    /// <summary>Room for the next read.</summary>
    public Memory<byte> GetFree()
    {
        if (_chunks is null)
        {
            _array ??= ArrayPool<byte>.Shared.Rent(InitialSize);
            if (_arrayLength < _array.Length)
            {
                return _array.AsMemory(_arrayLength);
            }

            if (_array.Length < ContiguousLimit)
            {
                var grown = ArrayPool<byte>.Shared.Rent(_array.Length * 2);
                _array.AsSpan(0, _arrayLength).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_array);
                _array = grown;
                return _array.AsMemory(_arrayLength);
            }

            _chunks = [];
        }
        else if (_lastChunkLength < _chunks[^1].Length)
        {
            return _chunks[^1].AsMemory(_lastChunkLength);
        }

        // Past the limit by one byte is enough to know the message is too large.
        var size = (int)Math.Clamp(_limit + 1L - Length, 1, ContiguousLimit);
        _chunks.Add(ArrayPool<byte>.Shared.Rent(size));
        _lastChunkLength = 0;
        return _chunks[^1];
    }

    /// <summary>Counts <paramref name="count"/> bytes read into <see cref="GetFree"/>'s memory.</summary>
    public void Advance(int count)
    {
        Length += count;
        if (_chunks is null)
        {
            _arrayLength += count;
        }
        else
        {
            _lastChunkLength += count;
        }
    }

    /// <summary>Appends <paramref name="data"/>, growing as <see cref="GetFree"/> does.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var free = GetFree().Span;
            var count = Math.Min(free.Length, data.Length);
            data[..count].CopyTo(free);
            Advance(count);
            data = data[count..];
        }
    }

    /// <summary>The whole message; its chunks, if any, are copied into one array first.</summary>
    public ReadOnlyMemory<byte> Message
    {
        get
        {
            if (_chunks is null)
            {
                return _array is null ? ReadOnlyMemory<byte>.Empty : _array.AsMemory(0, _arrayLength);
            }

            if (_assembled is null)
            {
                _assembled = ArrayPool<byte>.Shared.Rent((int)Length);
                _array.AsSpan(0, _arrayLength).CopyTo(_assembled);
                var offset = _arrayLength;
                for (var i = 0; i < _chunks.Count; i++)
                {
                    var length = i == _chunks.Count - 1 ? _lastChunkLength : _chunks[i].Length;
                    _chunks[i].AsSpan(0, length).CopyTo(_assembled.AsSpan(offset));
                    offset += length;
                }
            }

            return _assembled.AsMemory(0, (int)Length);
        }
    }

    /// <summary>Gets ready for the next message, keeping an array of up to 64 KiB for it.</summary>
    public void Reset()
    {
        ReturnChunks();
        Length = 0;
        _arrayLength = 0;
    }

    /// <summary>Gives everything back to the pool: nothing is held while the connection waits for data.</summary>
    public void Release()
    {
        Reset();
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }
    }

    /// <summary>
    /// Hands the array that holds <see cref="Message"/> to a delivery that outlives this read (an async handler); the
    /// buffer starts afresh.
    /// </summary>
    public byte[]? Detach()
    {
        byte[]? detached;
        if (_chunks is null)
        {
            detached = _array;
            _array = null;
        }
        else
        {
            detached = _assembled;
            _assembled = null;
        }

        Reset();
        return detached;
    }

    private void ReturnChunks()
    {
        if (_chunks is not null)
        {
            foreach (var chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _chunks = null;
            _lastChunkLength = 0;
        }

        if (_assembled is not null)
        {
            ArrayPool<byte>.Shared.Return(_assembled);
            _assembled = null;
        }
    }
}
