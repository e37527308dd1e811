using Microsoft.Extensions.DependencyInjection;

namespace CpWebSocket.Hosting.Tests.Readme;

/// <summary>The README's user of two named clients.</summary>
public sealed class Watchlist([FromKeyedServices("eu")] TickerClient eu, [FromKeyedServices("us")] TickerClient us)
{
    public async Task WatchAsync(string symbol, CancellationToken cancellationToken)
    {
        await eu.SendAsync(new Subscribe(symbol, Count: 10), cancellationToken);
        await us.SendAsync(new Subscribe(symbol, Count: 10), cancellationToken);
    }
}
