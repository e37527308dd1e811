using System.Diagnostics;
using System.Globalization;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>
/// Awaited requests, one at a time, each timed on its own from the call to its response: the generated client's
/// request method and the hand-written floor against the raw echo endpoint (the echo of a request carries its id,
/// so it answers it), and SignalR's <c>InvokeAsync</c> against a hub method that returns its argument. Run like
/// <see cref="LatencyHarness"/>: the clients in a child process, rounds in a rotating order, a full GC before each.
/// </summary>
public static class RequestLatencyHarness
{
    public const string ParentFlag = "--requests";
    public const string ClientFlag = "--requests-client";

    /// <summary>Runs the measurement in a child process against <paramref name="server"/>, which this process hosts.</summary>
    public static Task<int> RunAsync(Uri server, string[] args) =>
        ClientProcess.RunAsync(ClientFlag, server, LatencyHarness.Settings.Parse(args).ToArgs());

    public static async Task<int> RunClientAsync(string[] args)
    {
        await MeasureAsync(new Uri(args[0]), LatencyHarness.Settings.Parse(args[1..]), Console.Out).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Measures every request contender at both sizes against <paramref name="server"/> and writes a markdown table.</summary>
    public static async Task MeasureAsync(Uri server, LatencyHarness.Settings settings, TextWriter output)
    {
        output.WriteLine($"Awaited requests, one in flight: {settings.Rounds} rounds of {settings.SmallRoundTrips} (small) / {settings.LargeRoundTrips} (large) per contender, after {settings.Warmup} warm-up requests; client process only.");
        output.WriteLine();
        output.WriteLine("| Contender | Size | Requests | Median µs | P90 µs | P99 µs | P99.9 µs | Max µs | Median / hand-written | Median / SignalR | P99 / hand-written | P99 / SignalR | Client B / request |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in new[] { MessageSize.Small, MessageSize.Large })
        {
            var perRound = size == MessageSize.Small ? settings.SmallRoundTrips : settings.LargeRoundTrips;
            if (perRound <= 0)
            {
                continue;
            }

            var contenders = new List<IRequestContender>();
            foreach (var kind in RequestContenders.All)
            {
                contenders.Add(await RequestContenders.ConnectAsync(kind, server).ConfigureAwait(false));
            }

            try
            {
                var results = contenders.ToDictionary(c => c.Kind, _ => new RoundTripTimes(settings.Rounds * perRound));
                foreach (var contender in contenders)
                {
                    await RequestsAsync(contender, size, settings.Warmup, null).ConfigureAwait(false);
                }

                for (var round = 0; round < settings.Rounds; round++)
                {
                    for (var i = 0; i < contenders.Count; i++)
                    {
                        var contender = contenders[(i + round) % contenders.Count];
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        await RequestsAsync(contender, size, perRound, results[contender.Kind]).ConfigureAwait(false);
                    }
                }

                var floor = results[Contender.HandWritten].Summarize();
                var signalR = results[Contender.SignalR].Summarize();
                foreach (var kind in RequestContenders.All)
                {
                    var s = results[kind].Summarize();
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {kind} | {size} | {s.Count} | {s.Median:F1} | {s.P90:F1} | {s.P99:F1} | {s.P999:F1} | {s.Max:F1} | {s.Median / floor.Median:F2} | {s.Median / signalR.Median:F2} | {s.P99 / floor.P99:F2} | {s.P99 / signalR.P99:F2} | {s.BytesPerRoundTrip:F0} |"));
                }
            }
            finally
            {
                foreach (var contender in contenders)
                {
                    await contender.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task RequestsAsync(IRequestContender contender, MessageSize size, int count, RoundTripTimes? result)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (size == MessageSize.Small)
            {
                await contender.RequestAsync(Samples.Trade).ConfigureAwait(false);
            }
            else
            {
                await contender.RequestAsync(Samples.Book).ConfigureAwait(false);
            }

            result?.Add(Stopwatch.GetTimestamp() - start);
        }

        result?.AddAllocated(GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}
