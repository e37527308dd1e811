using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;
using CpWebSocket.Benchmarks.Telemetry;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// The receive and send paths with nobody listening to CpWebSocket's meter and activity source, and with the OpenTelemetry
/// SDK collecting both: server push on the raw lane and typed (receive), pipelined typed echoes (send and receive), and
/// awaited requests (one span each). Times and allocations are per message, per request for <c>Request</c>.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ListenerBenchmarks
{
    private OpenTelemetryListener? _listener;
    private IPushContender _rawPush = null!;
    private IPushContender _typedPush = null!;
    private IEchoContender _echo = null!;
    private IRequestContender _requests = null!;

    [Params(Listener.None, Listener.OpenTelemetry)]
    public Listener Listener { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _listener = Listener == Listener.OpenTelemetry ? new OpenTelemetryListener() : null;
        var server = await BenchmarkServer.GetUrlAsync().ConfigureAwait(false);
        _rawPush = await PushContenders.RawLaneAsync(server).ConfigureAwait(false);
        _typedPush = await PushContenders.GeneratedAsync(server).ConfigureAwait(false);
        _echo = await EchoContenders.ConnectAsync(Contender.Generated, server).ConfigureAwait(false);
        _requests = await RequestContenders.ConnectAsync(Contender.Generated, server).ConfigureAwait(false);
        await PushAsync(_rawPush, 1_000).ConfigureAwait(false);
        await PushAsync(_typedPush, 1_000).ConfigureAwait(false);
        await PipelineAsync(_echo).ConfigureAwait(false);
        for (var i = 0; i < 20; i++)
        {
            await _requests.RequestAsync(Samples.Trade).ConfigureAwait(false);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _rawPush.DisposeAsync().ConfigureAwait(false);
        await _typedPush.DisposeAsync().ConfigureAwait(false);
        await _echo.DisposeAsync().ConfigureAwait(false);
        await _requests.DisposeAsync().ConfigureAwait(false);
        _listener?.Dispose();
    }

    [BenchmarkCategory("Receive"), Benchmark(OperationsPerInvoke = PushBenchmarks.Messages)]
    public ValueTask RawLane_Push() => PushAsync(_rawPush, PushBenchmarks.Messages);

    [BenchmarkCategory("Receive"), Benchmark(OperationsPerInvoke = PushBenchmarks.Messages)]
    public ValueTask Generated_Push() => PushAsync(_typedPush, PushBenchmarks.Messages);

    [BenchmarkCategory("Send"), Benchmark(OperationsPerInvoke = EchoBenchmarks.InFlight)]
    public ValueTask Generated_Pipelined() => PipelineAsync(_echo);

    [BenchmarkCategory("Request"), Benchmark]
    public ValueTask<TradeReply> Generated_Request() => _requests.RequestAsync(Samples.Trade);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask PushAsync(IPushContender contender, int count)
    {
        contender.Sink.Expect(count);
        await contender.RequestAsync(count).ConfigureAwait(false);
        await contender.Sink.WaitAsync().ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask PipelineAsync(IEchoContender contender)
    {
        contender.Sink.Expect(EchoBenchmarks.InFlight);
        for (var i = 0; i < EchoBenchmarks.InFlight; i++)
        {
            await contender.SendAsync(MessageSize.Small).ConfigureAwait(false);
        }

        await contender.Sink.WaitAsync().ConfigureAwait(false);
    }
}
