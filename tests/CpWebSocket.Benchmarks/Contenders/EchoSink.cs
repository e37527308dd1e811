using System.Threading.Tasks.Sources;
using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// The typed handler every contender calls with each deserialized echo, and the wait for a number of them. One
/// reusable awaitable, no allocation per wait, so the harness adds the same small cost to every contender.
/// </summary>
public sealed class EchoSink : IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _signal;
    private int _expected;
    private int _received;

    public EchoSink()
    {
        // The waiter resumes on the thread that delivered the last echo, as a continuation of a plain await would.
        _signal.RunContinuationsAsynchronously = false;
    }

    /// <summary>The last message received, kept so the deserialization cannot be optimized away.</summary>
    public EchoMessage? Last { get; private set; }

    /// <summary>How many echoes arrived since <see cref="Expect"/>.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Arms the sink for <paramref name="count"/> echoes; call before the first of them is sent.</summary>
    public void Expect(int count)
    {
        _signal.Reset();
        Volatile.Write(ref _received, 0);
        Volatile.Write(ref _expected, count);
    }

    /// <summary>Completes once the expected number of echoes arrived.</summary>
    public ValueTask WaitAsync() => new(this, _signal.Version);

    /// <summary>Waits like <see cref="WaitAsync"/>, failing after <paramref name="timeout"/> (for the smoke run).</summary>
    public async Task WaitAsync(TimeSpan timeout)
    {
        var wait = WaitAsync().AsTask();
        if (await Task.WhenAny(wait, Task.Delay(timeout)).ConfigureAwait(false) != wait)
        {
            throw new TimeoutException($"Only {Received} of {Volatile.Read(ref _expected)} echoes arrived within {timeout.TotalSeconds:0} s.");
        }

        await wait.ConfigureAwait(false);
    }

    public void OnTrade(Trade message) => Count(message);

    public void OnBook(BookSnapshot message) => Count(message);

    /// <summary>Counts a message a raw-lane contender received without deserializing it.</summary>
    public void OnRaw()
    {
        if (Interlocked.Increment(ref _received) == Volatile.Read(ref _expected))
        {
            _signal.SetResult(true);
        }
    }

    void IValueTaskSource.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _signal.OnCompleted(continuation, state, token, flags);

    private void Count(EchoMessage message)
    {
        Last = message;
        if (Interlocked.Increment(ref _received) == Volatile.Read(ref _expected))
        {
            _signal.SetResult(true);
        }
    }
}
