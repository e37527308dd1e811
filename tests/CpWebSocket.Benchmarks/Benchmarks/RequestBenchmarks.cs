using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// Awaited requests, one in flight: send a message, await the response that carries its id (or, for SignalR, the
/// hub method's return value), deserialized into its reply record. Time and allocations are per request.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class RequestBenchmarks
{
    private readonly Dictionary<Contender, IRequestContender> _contenders = [];

    [Params(MessageSize.Small, MessageSize.Large)]
    public MessageSize Size { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var server = await BenchmarkServer.GetUrlAsync().ConfigureAwait(false);
        foreach (var kind in RequestContenders.All)
        {
            var contender = await RequestContenders.ConnectAsync(kind, server).ConfigureAwait(false);
            _contenders.Add(kind, contender);
            for (var i = 0; i < 20; i++)
            {
                await RequestAsync(contender).ConfigureAwait(false);
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

    [BenchmarkCategory("Request"), Benchmark]
    public ValueTask Generated_Request() => RequestAsync(_contenders[Contender.Generated]);

    [BenchmarkCategory("Request"), Benchmark(Baseline = true)]
    public ValueTask HandWritten_Request() => RequestAsync(_contenders[Contender.HandWritten]);

    [BenchmarkCategory("Request"), Benchmark]
    public ValueTask SignalR_Request() => RequestAsync(_contenders[Contender.SignalR]);

    // Pooled builder: the harness itself allocates nothing per invocation, so the Allocated column is the contender's.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask RequestAsync(IRequestContender contender)
    {
        if (Size == MessageSize.Small)
        {
            await contender.RequestAsync(Samples.Trade).ConfigureAwait(false);
        }
        else
        {
            await contender.RequestAsync(Samples.Book).ConfigureAwait(false);
        }
    }
}
