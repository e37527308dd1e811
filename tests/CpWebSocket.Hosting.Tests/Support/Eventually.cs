using CpWebSocket.Hosting.Tests.Server;

namespace CpWebSocket.Hosting.Tests.Support;

/// <summary>Waits for a state that other threads bring about, with the servers' generous timeout.</summary>
public static class Eventually
{
    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds, and returns that value.</summary>
    /// <param name="read">Reads the state.</param>
    /// <param name="done">Whether the state is the one awaited.</param>
    /// <param name="what">What is awaited, for the failure message.</param>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + WebSocketTestServer.Timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {WebSocketTestServer.Timeout} for {what}; the last value read was {value}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds, and returns that value.</summary>
    public static Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> done, string what) =>
        UntilAsync(() => Task.FromResult(read()), done, what);
}
