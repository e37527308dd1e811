using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Samples.Worker;

/// <summary>
/// The app's own work: asks for a quote, subscribes to a few ticks, reads them, reports the client's health, then stops
/// the host. The client was opened by its hosted lifetime before this service started, and is closed by it after this
/// service stopped.
/// </summary>
internal sealed class TickerWorker(TickerClient ticker, HealthCheckService health, IHostApplicationLifetime lifetime, Transcript transcript) : BackgroundService
{
    /// <summary>How many ticks the worker reads.</summary>
    public const int TickCount = 5;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Timeout);
            await RunAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            transcript.Fail(ex is OperationCanceledException ? $"nothing happened within {Timeout.TotalSeconds} s" : $"{ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // The hosted lifetime started opening the client before this service started; this joins that open.
        await ticker.OpenAsync(cancellationToken);
        transcript.Note("worker", $"client open to {ticker.Url}");

        transcript.Out("worker", "quote.get BTC");
        var quote = await ticker.GetQuoteAsync(new GetQuote("BTC"), cancellationToken);
        transcript.In("worker", $"quote {quote.Symbol} {quote.Price}");

        // Subscribed when requested, before the request goes out, so that no tick can arrive unread.
        var ticks = ticker.ReadAllTickAsync(cancellationToken: cancellationToken);
        transcript.Out("worker", $"tick.subscribe BTC x{TickCount}");
        await ticker.SendAsync(new Subscribe("BTC", TickCount), cancellationToken);
        var read = 0;
        await foreach (var tick in ticks)
        {
            transcript.In("worker", $"tick {tick.Seq} {tick.Symbol} {tick.Price}");
            if (++read == TickCount)
            {
                break;
            }
        }

        if (read < TickCount)
        {
            throw new InvalidOperationException($"the tick stream ended after {read} ticks");
        }

        var report = await health.CheckHealthAsync(cancellationToken);
        var entry = report.Entries["TickerClient"];
        transcript.Health = entry.Status;
        transcript.Note("health", $"{entry.Status}: {entry.Description}");
    }
}
