using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// The same work for every contender: send typed messages to the echo server, deserialize each echo into its record,
/// hand it to a typed handler. Pipelined: <see cref="InFlight"/> sends without waiting, then the wait for as many
/// echoes; times and allocations are per message. PingPong: one message in flight, per round trip.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class EchoBenchmarks
{
    public const int InFlight = 1000;

    private readonly Dictionary<Contender, IEchoContender> _contenders = [];

    [Params(MessageSize.Small, MessageSize.Large)]
    public MessageSize Size { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var server = await BenchmarkServer.GetUrlAsync().ConfigureAwait(false);
        foreach (var kind in EchoContenders.All)
        {
            var contender = await EchoContenders.ConnectAsync(kind, server).ConfigureAwait(false);
            _contenders.Add(kind, contender);
            for (var i = 0; i < 20; i++)
            {
                await RoundTripAsync(contender).ConfigureAwait(false);
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var contender in _contenders.Values)
        {
            await contender.DisposeAsync().ConfigureAwait(false);
        }

        _contenders.Clear();
    }

    [BenchmarkCategory("Pipelined"), Benchmark(OperationsPerInvoke = InFlight)]
    public ValueTask Generated_Pipelined() => PipelineAsync(_contenders[Contender.Generated]);

    [BenchmarkCategory("Pipelined"), Benchmark(OperationsPerInvoke = InFlight, Baseline = true)]
    public ValueTask HandWritten_Pipelined() => PipelineAsync(_contenders[Contender.HandWritten]);

    [BenchmarkCategory("Pipelined"), Benchmark(OperationsPerInvoke = InFlight)]
    public ValueTask WebsocketClient_Pipelined() => PipelineAsync(_contenders[Contender.WebsocketClient]);

    [BenchmarkCategory("Pipelined"), Benchmark(OperationsPerInvoke = InFlight)]
    public ValueTask SignalR_Pipelined() => PipelineAsync(_contenders[Contender.SignalR]);

    [BenchmarkCategory("PingPong"), Benchmark]
    public ValueTask Generated_PingPong() => RoundTripAsync(_contenders[Contender.Generated]);

    [BenchmarkCategory("PingPong"), Benchmark(Baseline = true)]
    public ValueTask HandWritten_PingPong() => RoundTripAsync(_contenders[Contender.HandWritten]);

    [BenchmarkCategory("PingPong"), Benchmark]
    public ValueTask WebsocketClient_PingPong() => RoundTripAsync(_contenders[Contender.WebsocketClient]);

    [BenchmarkCategory("PingPong"), Benchmark]
    public ValueTask SignalR_PingPong() => RoundTripAsync(_contenders[Contender.SignalR]);

    // Pooled builders: the harness itself allocates nothing per invocation, so the Allocated column is the contender's.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask PipelineAsync(IEchoContender contender)
    {
        contender.Sink.Expect(InFlight);
        for (var i = 0; i < InFlight; i++)
        {
            await contender.SendAsync(Size).ConfigureAwait(false);
        }

        await contender.Sink.WaitAsync().ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask RoundTripAsync(IEchoContender contender)
    {
        contender.Sink.Expect(1);
        await contender.SendAsync(Size).ConfigureAwait(false);
        await contender.Sink.WaitAsync().ConfigureAwait(false);
    }
}
