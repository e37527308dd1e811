using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// Server push, what receive-bound clients (market data, telemetry) feel: the server sends <see cref="Messages"/> small
/// trade messages as fast as it can, and the client takes each one. <c>Typed</c>: each is deserialized into its record and
/// handed to a typed handler (the generated client's typed event, against a <see cref="System.Net.WebSockets.ClientWebSocket"/>
/// loop with System.Text.Json). <c>Raw</c>: each is handed over as bytes (the raw lane, against the same loop that only
/// counts). Times and allocations are per message.
/// </summary>
[Config(typeof(PushBenchmarkConfig))]
public class PushBenchmarks
{
    public const int Messages = 100_000;

    private IPushContender _generated = null!;
    private IPushContender _rawLane = null!;
    private IPushContender _handWrittenTyped = null!;
    private IPushContender _handWrittenRaw = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var server = await BenchmarkServer.GetUrlAsync().ConfigureAwait(false);
        _generated = await PushContenders.GeneratedAsync(server).ConfigureAwait(false);
        _rawLane = await PushContenders.RawLaneAsync(server).ConfigureAwait(false);
        _handWrittenTyped = await PushContenders.HandWrittenAsync(server, deserialize: true).ConfigureAwait(false);
        _handWrittenRaw = await PushContenders.HandWrittenAsync(server, deserialize: false).ConfigureAwait(false);
        foreach (var contender in new[] { _generated, _rawLane, _handWrittenTyped, _handWrittenRaw })
        {
            await PushAsync(contender, 1_000).ConfigureAwait(false);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var contender in new[] { _generated, _rawLane, _handWrittenTyped, _handWrittenRaw })
        {
            await contender.DisposeAsync().ConfigureAwait(false);
        }
    }

    [BenchmarkCategory("Typed"), Benchmark(OperationsPerInvoke = Messages)]
    public ValueTask Generated_Push() => PushAsync(_generated, Messages);

    [BenchmarkCategory("Typed"), Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public ValueTask HandWritten_Push() => PushAsync(_handWrittenTyped, Messages);

    [BenchmarkCategory("Raw"), Benchmark(OperationsPerInvoke = Messages)]
    public ValueTask RawLane_Push() => PushAsync(_rawLane, Messages);

    [BenchmarkCategory("Raw"), Benchmark(OperationsPerInvoke = Messages, Baseline = true)]
    public ValueTask HandWrittenRaw_Push() => PushAsync(_handWrittenRaw, Messages);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask PushAsync(IPushContender contender, int count)
    {
        contender.Sink.Expect(count);
        await contender.RequestAsync(count).ConfigureAwait(false);
        await contender.Sink.WaitAsync().ConfigureAwait(false);
    }
}
