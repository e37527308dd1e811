using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

/// <summary>
/// Allocation assertions, not timings: each step runs many times first (so the JIT, the serializer's metadata
/// and the pools are warm), then the bytes it allocates on this thread are counted exactly.
/// </summary>
public sealed class CodecAllocationTests
{
    private const int Iterations = 2_000;

    /// <summary>How many times a measurement is repeated at most while collections keep running during it.</summary>
    private const int MeasuringRounds = 10;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Encoding_a_message_allocates_nothing(bool wrapped)
    {
        var protocol = wrapped ? CodecProtocols.Wrapped() : CodecProtocols.Flat();
        var say = protocol.Outbound<Say>("chat.say");
        var quote = protocol.Outbound<Quote>("quote");
        var tick = protocol.Outbound<Tick>("tick");
        var sayMessage = new Say("lobby", "hello there");
        var quoteMessage = new Quote { Seq = 42, Bid = 1.25, Ask = 1.5 };
        var tickMessage = new Tick { Seq = 7, Price = 0.5 };
        var buffer = protocol.EncodeBuffers.Rent();

        void EncodeMany()
        {
            for (var i = 0; i < Iterations; i++)
            {
                say.Encode(sayMessage, buffer);
                quote.Encode(quoteMessage, buffer);
                tick.Encode(tickMessage, buffer);
            }
        }

        EncodeMany();
        var before = GC.GetAllocatedBytesForCurrentThread();
        EncodeMany();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        protocol.EncodeBuffers.Return(buffer);
    }

    [Fact]
    public void Renting_encoding_and_returning_a_buffer_allocates_nothing()
    {
        var protocol = CodecProtocols.Flat();
        var say = protocol.Outbound<Say>("chat.say");
        var message = new Say("lobby", "hello there");

        void SendMany()
        {
            for (var i = 0; i < Iterations; i++)
            {
                var buffer = protocol.EncodeBuffers.Rent();
                say.Encode(message, buffer);
                protocol.EncodeBuffers.Return(buffer);
            }
        }

        SendMany();
        var before = GC.GetAllocatedBytesForCurrentThread();
        SendMany();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("""{"type":"level","seq":1,"price":2.5}""")]
    [InlineData("""{"seq":1,"price":2.5,"extra":{"a":[1,2,3],"b":"x"},"type":"level"}""")]
    [InlineData("""{"seq":1,"type":"l\u0065vel","price":2.5}""")]
    public void Decoding_and_dispatching_a_numeric_record_allocates_only_the_record(string json)
    {
        var protocol = CodecProtocols.Flat();
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound("chat.said", CodecClient.Record<Said>()),
            protocol.Inbound<Level>("level", static (c, m, _, _) =>
            {
                ((CodecClient)c).LastLevel = m;
                return default;
            })));

        var received = MeasureReceive(client, json);
        var records = Measure(() => new Level { Seq = 1, Price = 2.5 });

        Assert.Equal(new Level { Seq = 1, Price = 2.5 }, client.LastLevel);
        Assert.Empty(client.Errors);
        Assert.True(records > 0);
        Assert.Equal(records, received);
    }

    [Fact]
    public void Decoding_a_wrapped_integer_routed_record_allocates_only_the_record()
    {
        var protocol = CodecProtocols.Wrapped();
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound<Level>(5, static (c, m, _, _) =>
            {
                ((CodecClient)c).LastLevel = m;
                return default;
            })));

        var received = MeasureReceive(client, """{"data":{"seq":3,"price":1.5},"type":5}""");
        var records = Measure(() => new Level { Seq = 3, Price = 1.5 });

        Assert.Equal(new Level { Seq = 3, Price = 1.5 }, client.LastLevel);
        Assert.Equal(records, received);
    }

    [Theory]
    [InlineData("""{"op":5,"d":{"eventType":"Tick","eventIntent":1,"eventData":{"seq":3,"price":1.5}}}""")]
    [InlineData("""{"d":{"eventData":{"seq":3,"price":1.5},"eventIntent":1,"eventType":"Ti\u0063k"},"op":5}""")]
    public void Decoding_a_two_level_routed_record_allocates_only_the_record(string json)
    {
        var protocol = MessageProtocol.Create(
            new MessageEnvelope("op", "d") { Routes = [new MessageRoute(5, "d.eventType", "d.eventData")] },
            CodecJsonContext.Default,
            CodecShapes.Of(CodecShapes.Level));
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound<Said>(new MessageKey(5, "Said"), CodecClient.Record<Said>()),
            protocol.Inbound<Level>(new MessageKey(5, "Tick"), static (c, m, _, _) =>
            {
                ((CodecClient)c).LastLevel = m;
                return default;
            })));

        var received = MeasureReceive(client, json);
        var records = Measure(() => new Level { Seq = 3, Price = 1.5 });

        Assert.Equal(new Level { Seq = 3, Price = 1.5 }, client.LastLevel);
        Assert.Empty(client.Errors);
        Assert.Equal(records, received);
    }

    [Fact]
    public void Routing_adds_nothing_to_what_the_serializer_allocates_for_structs_and_init_only_records()
    {
        var protocol = CodecProtocols.Flat();
        using var client = new CodecClient(protocol.CreateRouter(
            protocol.Inbound<Tick>("tick", static (c, m, _, _) =>
            {
                ((CodecClient)c).LastTick = m;
                return default;
            }),
            protocol.Inbound<Quote>("quote", static (c, m, _, _) =>
            {
                ((CodecClient)c).LastQuote = m;
                return default;
            })));
        var tick = """{"seq":1,"type":"tick","price":2.5}""";
        var quote = """{"seq":3,"bid":1.5,"ask":2,"type":"quote"}""";

        Assert.Equal(DeserializeOnly(tick, CodecJsonContext.Default.Tick), MeasureReceive(client, tick));
        Assert.Equal(DeserializeOnly(quote, CodecJsonContext.Default.Quote), MeasureReceive(client, quote));
        Assert.Equal(new Tick { Seq = 1, Price = 2.5 }, client.LastTick);
        Assert.Equal(new Quote { Seq = 3, Bid = 1.5, Ask = 2 }, client.LastQuote);
    }

    /// <summary>The bytes allocated by receiving <paramref name="json"/> <see cref="Iterations"/> times, after as many warm-up runs.</summary>
    private static long MeasureReceive(CodecClient client, string json)
    {
        var message = new WebSocketMessage(WebSocketMessageKind.Text, Encoding.UTF8.GetBytes(json));
        var pending = 0;
        return Measure(() =>
        {
            if (!CompletedSuccessfully(client.ReceiveAsync(message)))
            {
                pending++;
            }

            return pending;
        });
    }

    private static long DeserializeOnly<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        return Measure(() => JsonSerializer.Deserialize(utf8, typeInfo));
    }

    /// <summary>
    /// The bytes <paramref name="step"/> allocates in <see cref="Iterations"/> runs, after as many warm-up runs. A round
    /// during which a collection ran is measured again: a collection lets pools drop what they hold (the shared array
    /// pool trims on full collections), and refilling them is the pool's allocation, not the step's (tests running beside
    /// this one make collections frequent). The step's own allocations happen in every round, so they are measured either way.
    /// </summary>
    private static long Measure<T>(Func<T> step)
    {
        var sink = default(T);
        for (var i = 0; i < Iterations; i++)
        {
            sink = step();
        }

        long allocated = 0;
        for (var round = 0; round < MeasuringRounds; round++)
        {
            var collections = GC.CollectionCount(0);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Iterations; i++)
            {
                sink = step();
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (GC.CollectionCount(0) == collections)
            {
                break;
            }
        }

        GC.KeepAlive(sink);
        return allocated;
    }

    private static bool CompletedSuccessfully(ValueTask task) => task.IsCompletedSuccessfully;
}
