using System.Buffers.Binary;
using CpWebSocket.Transport.Sockets;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// The default transport's reader of frame headers, fed the bytes a server sends in every split: whole, one byte at a
/// time, and in odd chunks. It must find the same frames and refuse the same message whatever the split.
/// </summary>
public sealed class InboundFrameParserTests
{
    private static byte[] Frame(byte opcode, bool fin, int length, bool masked = false)
    {
        var extended = length < 126 ? 0 : length <= ushort.MaxValue ? 2 : 8;
        var frame = new byte[2 + extended + (masked ? 4 : 0) + length];
        frame[0] = (byte)((fin ? 0x80 : 0) | opcode);
        frame[1] = (byte)((masked ? 0x80 : 0) | (extended == 0 ? length : extended == 2 ? 126 : 127));
        if (extended == 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)length);
        }
        else if (extended == 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)length);
        }

        return frame;
    }

    private static IEnumerable<byte[]> Split(byte[] bytes, int chunk)
    {
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            yield return bytes[offset..Math.Min(bytes.Length, offset + chunk)];
        }
    }

    public static TheoryData<int> Chunks() => [1, 2, 3, 7, 125, 4096];

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Frames_within_the_limit_pass_and_a_close_frame_is_noticed_whatever_the_split(int chunk)
    {
        byte[] stream = [.. Frame(0x1, true, 100), .. Frame(0x2, true, 300), .. Frame(0x2, false, 1000), .. Frame(0x0, true, 1000), .. Frame(0x9, true, 4), .. Frame(0x8, true, 2)];
        var parser = new InboundFrameParser(limit: 2000);

        Assert.All(Split(stream, chunk), part => Assert.True(parser.Accept(part)));
        Assert.True(parser.CloseReceived);
    }

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_message_over_the_limit_is_refused_at_its_header_and_the_bytes_before_it_are_named(int chunk)
    {
        byte[] before = [.. Frame(0x1, true, 50), .. Frame(0x2, false, 1500)];
        byte[] stream = [.. before, .. Frame(0x0, true, 600)]; // 2,100 bytes in the message: over 2,000
        var parser = new InboundFrameParser(limit: 2000);
        var offset = 0;
        foreach (var part in Split(stream, chunk))
        {
            if (!parser.Accept(part))
            {
                Assert.Equal(2100, parser.Refused);
                if (parser.RefusedAt > 0)
                {
                    Assert.Equal(before.Length, offset + parser.RefusedAt); // the refused header starts where the good frames end
                }
                else
                {
                    Assert.True(offset >= before.Length, "the refused header began in an earlier part: the parts before it held only good frames");
                }

                return;
            }

            offset += part.Length;
            Assert.True(offset <= before.Length + 4, "the refusal came after the refused header");
        }

        Assert.Fail("the message over the limit was not refused");
    }

    [Fact]
    public void A_header_announcing_2_pow_62_bytes_is_refused()
    {
        var parser = new InboundFrameParser(limit: 4 * 1024 * 1024);
        var header = new byte[10];
        header[0] = 0x82;
        header[1] = 127;
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(2), 1UL << 62);

        Assert.False(parser.Accept(header));
        Assert.Equal(1L << 62, parser.Refused);
    }
    [Theory]
    [MemberData(nameof(Chunks))]
    public void The_frame_in_progress_ends_where_the_next_one_starts_whatever_the_split(int chunk)
    {
        byte[][] frames = [Frame(0x9, true, 0), Frame(0x1, true, 100), Frame(0x2, false, 300), Frame(0x0, true, 70_000), Frame(0x8, true, 2)];
        byte[] stream = [.. frames.SelectMany(frame => frame)];
        var follower = new InboundFrameParser(limit: long.MaxValue);
        var ends = new List<int>();
        var offset = 0;
        var started = 0;

        // Hands out the stream in parts of at most `chunk` bytes, each cut at the end of the frame in progress.
        while (offset < stream.Length)
        {
            var available = stream.AsSpan(offset, Math.Min(chunk, stream.Length - offset));
            var length = follower.CurrentFrameLength(available);
            Assert.InRange(length, 1, available.Length);
            follower.Accept(available[..length], enforceLimit: false);
            offset += length;
            if (follower.AtFrameStart)
            {
                ends.Add(offset);
                Assert.Equal(frames[ends.Count - 1].Length, offset - started);
                started = offset;
            }
        }

        Assert.Equal(frames.Length, ends.Count);
        Assert.True(follower.CloseReceived);
    }
}
