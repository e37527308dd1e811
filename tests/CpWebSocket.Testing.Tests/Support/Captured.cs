using System.Threading.Channels;

namespace CpWebSocket.Testing.Tests.Support;

/// <summary>What a client's handler was called with, in order, for the test to wait on one item at a time.</summary>
/// <typeparam name="T">The item.</typeparam>
public sealed class Captured<T>
{
    /// <summary>Generous enough for a loaded two-core machine; a passing test never waits that long.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();

    public void Add(T item) => _items.Writer.TryWrite(item);

    /// <summary>The next item, waiting for it.</summary>
    public async Task<T> NextAsync() => await _items.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>Whether an item waits to be taken.</summary>
    public bool IsEmpty => !_items.Reader.TryPeek(out _);
}
