using Microsoft.Extensions.Hosting;

namespace CpWebSocket.Hosting.Tests.Readme;

/// <summary>The README's worker: subscribes once, then stops the host.</summary>
public sealed class TickerWorker(TickerClient ticker, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>Whether the client was open when the worker started its work.</summary>
    public bool FoundOpen { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            FoundOpen = ticker.IsOpen;
            await ticker.SendAsync(new Subscribe("BTC", Count: 1), stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
