using System.Diagnostics;
using System.Globalization;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>
/// Single round trips, each timed on its own, for the percentiles BenchmarkDotNet does not give (it times whole
/// iterations, so its P95 is of iteration means, not of round trips). Like the benchmarks, the server stays in the
/// process that was started and the clients run in a child process of their own, so the allocations counted
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/> of that process) are the clients' alone.
/// </summary>
/// <remarks>
/// Every contender runs <see cref="Settings.Rounds"/> rounds in turn, in a rotating order, after a warm-up and a
/// full GC per round, so drift in the machine's state spreads over all of them instead of favouring one.
/// </remarks>
public static class LatencyHarness
{
    public const string ParentFlag = "--latency";
    public const string ClientFlag = "--latency-client";

    /// <summary>Runs the measurement in a child process against <paramref name="server"/>, which this process hosts.</summary>
    public static Task<int> RunAsync(Uri server, string[] args) => ClientProcess.RunAsync(ClientFlag, server, Settings.Parse(args).ToArgs());

    public static async Task<int> RunClientAsync(string[] args)
    {
        var server = new Uri(args[0]);
        await MeasureAsync(server, Settings.Parse(args[1..]), Console.Out).ConfigureAwait(false);
        await CountSignalRFramesAsync(server, 1000, Console.Out).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Pipelines small messages through SignalR over a counting socket and reports how many websocket messages
    /// carried them: the other contenders send and receive exactly one per message, by their wire format.
    /// </summary>
    public static async Task CountSignalRFramesAsync(Uri server, int messages, TextWriter output)
    {
        FrameCountingWebSocket? socket = null;
        await using var contender = await SignalRContender.ConnectAsync(new Uri($"http://{server.Authority}{EchoServer.HubPath}"), s => socket = s).ConfigureAwait(false);
        var (sent, received) = (socket!.MessagesSent, socket.MessagesReceived);
        contender.Sink.Expect(messages);
        for (var i = 0; i < messages; i++)
        {
            await contender.SendAsync(MessageSize.Small).ConfigureAwait(false);
        }

        await contender.Sink.WaitAsync().ConfigureAwait(false);
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"SignalR, {messages} small messages pipelined: {socket.MessagesSent - sent} websocket messages sent, {socket.MessagesReceived - received} received ({(double)messages / (socket.MessagesSent - sent):F1} and {(double)messages / (socket.MessagesReceived - received):F1} hub messages per websocket message); every other contender uses one websocket message per message."));
    }

    /// <summary>Measures every contender at both sizes against <paramref name="server"/> and writes a markdown table.</summary>
    public static async Task MeasureAsync(Uri server, Settings settings, TextWriter output)
    {
        output.WriteLine($"Ping-pong round trips, one in flight: {settings.Rounds} rounds of {settings.SmallRoundTrips} (small) / {settings.LargeRoundTrips} (large) per contender, after {settings.Warmup} warm-up round trips; client process only.");
        output.WriteLine();
        output.WriteLine("| Contender | Size | Round trips | Median µs | P90 µs | P99 µs | P99.9 µs | Max µs | Median / hand-written | P99 / hand-written | Client B / round trip |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in new[] { MessageSize.Small, MessageSize.Large })
        {
            var perRound = size == MessageSize.Small ? settings.SmallRoundTrips : settings.LargeRoundTrips;
            if (perRound <= 0)
            {
                continue; // --small 0 or --large 0 measures the other size only
            }

            var contenders = new List<IEchoContender>();
            foreach (var kind in EchoContenders.All)
            {
                contenders.Add(await EchoContenders.ConnectAsync(kind, server).ConfigureAwait(false));
            }

            try
            {
                var results = contenders.ToDictionary(c => c.Kind, _ => new RoundTripTimes(settings.Rounds * perRound));
                foreach (var contender in contenders)
                {
                    await RoundTripsAsync(contender, size, settings.Warmup, null).ConfigureAwait(false);
                }

                for (var round = 0; round < settings.Rounds; round++)
                {
                    for (var i = 0; i < contenders.Count; i++)
                    {
                        var contender = contenders[(i + round) % contenders.Count];
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        await RoundTripsAsync(contender, size, perRound, results[contender.Kind]).ConfigureAwait(false);
                    }
                }

                var floor = results[Contender.HandWritten].Summarize();
                foreach (var kind in EchoContenders.All)
                {
                    var s = results[kind].Summarize();
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {kind} | {size} | {s.Count} | {s.Median:F1} | {s.P90:F1} | {s.P99:F1} | {s.P999:F1} | {s.Max:F1} | {s.Median / floor.Median:F2} | {s.P99 / floor.P99:F2} | {s.BytesPerRoundTrip:F0} |"));
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

    private static async Task RoundTripsAsync(IEchoContender contender, MessageSize size, int count, RoundTripTimes? result)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            contender.Sink.Expect(1);
            await contender.SendAsync(size).ConfigureAwait(false);
            await contender.Sink.WaitAsync().ConfigureAwait(false);
            result?.Add(Stopwatch.GetTimestamp() - start);
        }

        result?.AddAllocated(GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>How many round trips to time.</summary>
    public sealed record Settings(int SmallRoundTrips, int LargeRoundTrips, int Rounds, int Warmup)
    {
        public static Settings Default { get; } = new(1_000, 200, 20, 1_000);

        /// <summary>Reads <c>--small N --large N --rounds N --warmup N</c>; what is missing keeps its default.</summary>
        public static Settings Parse(string[] args)
        {
            var settings = Default;
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                settings = args[i] switch
                {
                    "--small" => settings with { SmallRoundTrips = value },
                    "--large" => settings with { LargeRoundTrips = value },
                    "--rounds" => settings with { Rounds = value },
                    "--warmup" => settings with { Warmup = value },
                    _ => throw new ArgumentException($"Unknown option {args[i]}; use --small, --large, --rounds or --warmup."),
                };
            }

            return settings;
        }

        public IEnumerable<string> ToArgs() =>
        [
            "--small", SmallRoundTrips.ToString(CultureInfo.InvariantCulture),
            "--large", LargeRoundTrips.ToString(CultureInfo.InvariantCulture),
            "--rounds", Rounds.ToString(CultureInfo.InvariantCulture),
            "--warmup", Warmup.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
