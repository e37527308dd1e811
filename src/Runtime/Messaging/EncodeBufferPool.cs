using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>
/// Keeps <see cref="EncodeBuffer"/>s of one protocol for reuse. A buffer stays rented until its message has been
/// written to the socket, which may finish on another thread, so a thread-static cache would not do: this is a
/// small lock-free pool (a fast first slot, then a fixed array) that concurrent senders share without allocating.
/// </summary>
internal sealed class EncodeBufferPool
{
    private readonly JsonWriterOptions _writerOptions;
    private readonly EncodeBuffer?[] _items;
    private EncodeBuffer? _first;

    public EncodeBufferPool(JsonWriterOptions writerOptions)
    {
        _writerOptions = writerOptions;
        _items = new EncodeBuffer?[Math.Clamp(Environment.ProcessorCount * 2, 4, 64)];
    }

    /// <summary>Takes a cleared buffer from the pool, or creates one when all are in use.</summary>
    public EncodeBuffer Rent()
    {
        var item = _first;
        if (item is not null && Interlocked.CompareExchange(ref _first, null, item) == item)
        {
            return item;
        }

        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            item = items[i];
            if (item is not null && Interlocked.CompareExchange(ref items[i], null, item) == item)
            {
                return item;
            }
        }

        var created = new EncodeBuffer(_writerOptions);
        created.Clear();
        return created;
    }

    /// <summary>Clears <paramref name="buffer"/> and keeps it for the next message, or releases it when the pool is full.</summary>
    public void Return(EncodeBuffer buffer)
    {
        buffer.Clear();
        if (_first is null && Interlocked.CompareExchange(ref _first, buffer, null) is null)
        {
            return;
        }

        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null && Interlocked.CompareExchange(ref items[i], buffer, null) is null)
            {
                return;
            }
        }

        buffer.Dispose();
    }
}
