using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Benchmarks.Benchmarks;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>
/// Every benchmark's code path once, on little work, in one process and a few seconds: each contender pipelines and
/// ping-pongs both messages and must get them back intact, the codec paths must produce the same bytes and records
/// as System.Text.Json, both generators must run, and the latency, request and idle-memory harnesses must complete
/// (every idle connection open when measured, and closed with a normal close handshake). Each request contender makes
/// requests with distinct ids in their records and must get back, for each, the reply to that request. No timing or
/// memory figure is asserted.
/// </summary>
public static class SmokeRun
{
    public const string Flag = "--smoke";

    private const int SmallMessages = 300;
    private const int LargeMessages = 20;
    private const int RoundTrips = 20;
    private const int IdleConnections = 20;
    private static readonly TimeSpan IdleSettle = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using (var server = await EchoServer.StartAsync().ConfigureAwait(false))
            {
                foreach (var kind in EchoContenders.All)
                {
                    await SocketAsync(kind, server.BaseUrl).ConfigureAwait(false);
                }

                foreach (var kind in RequestContenders.All)
                {
                    await RequestsAsync(kind, server.BaseUrl).ConfigureAwait(false);
                }

                await PushAsync(server.BaseUrl).ConfigureAwait(false);

                await LatencyHarness.MeasureAsync(server.BaseUrl, new LatencyHarness.Settings(50, 10, 1, 10), Console.Out).ConfigureAwait(false);
                await LatencyHarness.CountSignalRFramesAsync(server.BaseUrl, 200, Console.Out).ConfigureAwait(false);
                Console.WriteLine();
                await RequestLatencyHarness.MeasureAsync(server.BaseUrl, new LatencyHarness.Settings(50, 10, 1, 10), Console.Out).ConfigureAwait(false);
                await IdleMemoryHarness.MeasureInProcessAsync(server.BaseUrl, IdleConnections, IdleSettle, Console.Out).ConfigureAwait(false);
            }

            Codec(MessageSize.Small);
            Codec(MessageSize.Large);
            Generators();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"smoke: FAILED after {clock.Elapsed.TotalSeconds:F1} s: {ex}");
            return 1;
        }

        Console.WriteLine($"smoke: passed in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static async Task SocketAsync(Contender kind, Uri server)
    {
        await using var contender = await EchoContenders.ConnectAsync(kind, server).ConfigureAwait(false);
        foreach (var (size, count) in new[] { (MessageSize.Small, SmallMessages), (MessageSize.Large, LargeMessages) })
        {
            contender.Sink.Expect(count);
            for (var i = 0; i < count; i++)
            {
                await contender.SendAsync(size).ConfigureAwait(false);
            }

            await contender.Sink.WaitAsync(Timeout).ConfigureAwait(false);
            Expect(contender.Sink.Last, size, $"{kind} pipelined");

            for (var i = 0; i < RoundTrips; i++)
            {
                contender.Sink.Expect(1);
                await contender.SendAsync(size).ConfigureAwait(false);
                await contender.Sink.WaitAsync(Timeout).ConfigureAwait(false);
            }

            Expect(contender.Sink.Last, size, $"{kind} ping-pong");
        }

        Console.WriteLine($"smoke: {kind}: {SmallMessages} small and {LargeMessages} large pipelined, {RoundTrips} round trips of each, echoes intact");
    }

    /// <summary>Each server-push contender takes a burst of pushed messages, all of them.</summary>
    private static async Task PushAsync(Uri server)
    {
        var contenders = new (string Name, IPushContender Contender)[]
        {
            ("Generated", await PushContenders.GeneratedAsync(server).ConfigureAwait(false)),
            ("RawLane", await PushContenders.RawLaneAsync(server).ConfigureAwait(false)),
            ("HandWritten", await PushContenders.HandWrittenAsync(server, deserialize: true).ConfigureAwait(false)),
            ("HandWrittenRaw", await PushContenders.HandWrittenAsync(server, deserialize: false).ConfigureAwait(false)),
        };
        foreach (var (name, contender) in contenders)
        {
            contender.Sink.Expect(SmallMessages);
            await contender.RequestAsync(SmallMessages).ConfigureAwait(false);
            await contender.Sink.WaitAsync(Timeout).ConfigureAwait(false);
            await contender.DisposeAsync().ConfigureAwait(false);
            Console.WriteLine($"smoke: push {name}: {SmallMessages} pushed messages taken");
        }
    }

    private static async Task RequestsAsync(Contender kind, Uri server)
    {
        await using var contender = await RequestContenders.ConnectAsync(kind, server).ConfigureAwait(false);
        for (var i = 1; i <= RoundTrips; i++)
        {
            var trade = Samples.Trade with { Id = i };
            var tradeReply = await contender.RequestAsync(trade).AsTask().WaitAsync(Timeout).ConfigureAwait(false);
            ExpectReply(tradeReply, EchoJsonContext.Default.TradeReply, trade, EchoJsonContext.Default.Trade, $"{kind} request {i} (small)");

            var book = Samples.Book with { Id = i };
            var bookReply = await contender.RequestAsync(book).AsTask().WaitAsync(Timeout).ConfigureAwait(false);
            ExpectReply(bookReply, EchoJsonContext.Default.BookReply, book, EchoJsonContext.Default.BookSnapshot, $"{kind} request {i} (large)");
        }

        Console.WriteLine($"smoke: {kind}: {RoundTrips} small and {RoundTrips} large requests, each answered by its own reply");
    }

    /// <summary>The reply must have the request's fields, values included: the same JSON once serialized.</summary>
    private static void ExpectReply<TReply, TRequest>(TReply reply, JsonTypeInfo<TReply> replyInfo, TRequest request, JsonTypeInfo<TRequest> requestInfo, string what)
    {
        if (!JsonSerializer.SerializeToUtf8Bytes(reply, replyInfo).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(request, requestInfo)))
        {
            throw new InvalidOperationException($"{what}: the reply does not match the request.");
        }
    }

    private static void Codec(MessageSize size)
    {
        using var workload = new CodecWorkload(size);
        workload.ReceiveGenerated();
        Expect(workload.Sink.Last, size, "generated receive path");
        workload.ReceiveHandWritten();
        Expect(workload.Sink.Last, size, "hand-written receive path");
        workload.ReceiveRecordOnly();
        Expect(workload.Sink.Last, size, "record-only receive path");

        byte[]? encoded = null;
        workload.SendGenerated(bytes => encoded = bytes.ToArray());
        if (!encoded.AsSpan().SequenceEqual(workload.Utf8))
        {
            throw new InvalidOperationException($"The generated send path encoded the {size} message differently from System.Text.Json's polymorphic serializer.");
        }

        if (workload.SendHandWritten() != workload.Utf8.Length || workload.SendToNewArray() != workload.Utf8.Length || workload.SendRecordOnly() <= 0)
        {
            throw new InvalidOperationException($"A hand-written send path encoded the {size} message to another length.");
        }

        Console.WriteLine($"smoke: codec ({size}, {workload.Utf8.Length} bytes): receive and send paths agree with System.Text.Json");
    }

    private static void Generators()
    {
        var workload = new GeneratorWorkload();
        foreach (var (name, generator) in new[] { ("CpWebSocket", workload.CpWebSocket), ("System.Text.Json", workload.SystemTextJson) })
        {
            var full = GeneratorWorkload.Outputs(workload.RunFull(generator));
            var session = workload.StartIncremental(generator);
            var again = GeneratorWorkload.Outputs(session.EditAndRun());
            if (full.Count == 0 || !full.SequenceEqual(again))
            {
                throw new InvalidOperationException($"The {name} generator produced {full.Count} files on a full run and {again.Count} after an edit.");
            }

            Console.WriteLine($"smoke: {name} generator: {full.Count} file(s), {full.Sum(f => f.Length)} chars for {GeneratorWorkload.ContractCount} types; the incremental run agrees");
        }
    }

    private static void Expect(EchoMessage? received, MessageSize size, string what)
    {
        var expected = Samples.Utf8(size);
        if (received is null || !JsonSerializer.SerializeToUtf8Bytes(received, EchoJsonContext.Default.EchoMessage).AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"{what}: the {size} echo did not come back as it was sent.");
        }
    }
}
