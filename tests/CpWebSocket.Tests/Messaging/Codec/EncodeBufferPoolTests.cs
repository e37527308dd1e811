using System.Collections.Concurrent;
using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class EncodeBufferPoolTests
{
    [Fact]
    public void A_returned_buffer_is_reused()
    {
        var pool = new EncodeBufferPool(default);

        var first = pool.Rent();
        pool.Return(first);

        Assert.Same(first, pool.Rent());
    }

    [Fact]
    public void Concurrent_senders_never_share_a_buffer()
    {
        var protocol = CodecProtocols.Flat();
        var say = protocol.Outbound<Say>("chat.say");
        var inUse = new ConcurrentDictionary<EncodeBuffer, bool>();
        var failures = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var buffer = protocol.EncodeBuffers.Rent();
            if (!inUse.TryAdd(buffer, true))
            {
                Interlocked.Increment(ref failures);
            }

            var text = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            say.Encode(new Say(text, text), buffer);
            if (System.Text.Encoding.UTF8.GetString(buffer.WrittenMemory.Span) != $$"""{"type":"chat.say","room":"{{text}}","text":"{{text}}"}""")
            {
                Interlocked.Increment(ref failures);
            }

            inUse.TryRemove(buffer, out _);
            protocol.EncodeBuffers.Return(buffer);
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void A_buffer_that_grew_large_gives_its_array_back_when_returned()
    {
        var protocol = CodecProtocols.Flat();
        var say = protocol.Outbound<Say>("chat.say");
        var buffer = protocol.EncodeBuffers.Rent();

        say.Encode(new Say("r", new string('x', 200_000)), buffer);
        protocol.EncodeBuffers.Return(buffer);

        Assert.Equal(0, buffer.Output.Capacity);
        Assert.Equal(0, buffer.Output.WrittenCount);
    }
}
