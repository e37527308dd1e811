using System.Net.WebSockets;
using System.Text;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// The default transport reads the connection in chunks, and the receive loop takes each whole plain message in a chunk
/// straight from it; everything else (pings, fragments, frames cut by a chunk's end, frames a server must not send) is
/// left to the websocket. A hand-written RFC 6455 peer sends bursts of every kind, whole and in odd pieces, so that frames
/// of each kind stand at every place in a chunk: the messages must arrive whole and in order, the pings be answered, and
/// a broken frame fail the connection only after the messages before it.
/// </summary>
public sealed class BufferedReceiveTests
{
    private const byte Fin = 0x80;
    private const byte Text = 0x1;
    private const byte Binary = 0x2;
    private const byte Continuation = 0x0;
    private const byte Ping = 0x9;

    /// <summary>Sizes of the pieces the peer writes the burst in; 0 writes it whole.</summary>
    public static TheoryData<int> Pieces() => [0, 7, 1000, 4099];

    [Theory]
    [MemberData(nameof(Pieces))]
    public async Task A_burst_of_every_kind_of_frame_arrives_whole_and_in_order_with_its_pings_answered(int piece)
    {
        var (burst, expected, pings) = MixedBurst();
        var peerSaw = new TaskCompletionSource<(List<byte[]> Pongs, int? Close)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = new RawWebSocketPeer(async (stream, stop) =>
        {
            stream.Socket.NoDelay = true;
            await WriteAsync(stream, [.. burst, .. RawWebSocketPeer.Frame(Fin | 0x8, [0x03, 0xE8])], piece, stop);
            peerSaw.TrySetResult(await RawWebSocketPeer.ReadFramesAsync(stream, stop));
        });
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(peer.WsUri, events.Callback, new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.Zero });

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);

        var messages = events.Of(WebSocketEvent.Message);
        Assert.Equal(expected.Count, messages.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Kind, messages[i].Kind);
            Assert.Equal(expected[i].Data, messages[i].Data);
        }

        Assert.Empty(events.Of(WebSocketEvent.Error));
        var closed = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.Equal(WebSocketCloseStatus.NormalClosure, closed.Status);
        Assert.True(closed.ByPeer);
        var (pongs, close) = await peerSaw.Task.WaitAsync(EventRecorder.Timeout);
        Assert.Equal(pings, pongs);
        Assert.Equal(1000, close);
    }

    [Theory]
    [MemberData(nameof(Pieces))]
    public async Task A_text_message_that_is_not_utf8_fails_the_connection_with_1007_after_the_messages_before_it(int piece)
    {
        byte[] burst = [.. Messages(0, 40), .. RawWebSocketPeer.Frame(Fin | Text, [0x7B, 0xC3, 0x28, 0x7D]), .. Messages(40, 10)];
        await AssertFailsAfterFortyAsync(burst, piece, 1007);
    }

    [Theory]
    [MemberData(nameof(Pieces))]
    public async Task A_masked_frame_from_the_server_fails_the_connection_with_1002_after_the_messages_before_it(int piece)
    {
        byte[] burst = [.. Messages(0, 40), .. RawWebSocketPeer.Frame(Fin | Text, "masked"u8, masked: true), .. Messages(40, 10)];
        await AssertFailsAfterFortyAsync(burst, piece, 1002);
    }

    [Theory]
    [MemberData(nameof(Pieces))]
    public async Task A_compressed_frame_that_was_never_negotiated_fails_the_connection_with_1002_after_the_messages_before_it(int piece)
    {
        byte[] burst = [.. Messages(0, 40), .. RawWebSocketPeer.Frame(Fin | 0x40 | Text, "deflated?"u8), .. Messages(40, 10)];
        await AssertFailsAfterFortyAsync(burst, piece, 1002);
    }

    [Fact]
    public async Task A_new_message_inside_a_fragmented_one_fails_the_connection_with_1002_after_the_messages_before_it()
    {
        byte[] burst = [.. Messages(0, 40), .. RawWebSocketPeer.Frame(Text, "first half"u8), .. Messages(40, 10)];
        await AssertFailsAfterFortyAsync(burst, piece: 0, 1002);
    }

    private static async Task AssertFailsAfterFortyAsync(byte[] burst, int piece, int expectedClose)
    {
        var closeFrame = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = new RawWebSocketPeer(async (stream, stop) =>
        {
            stream.Socket.NoDelay = true;
            await WriteAsync(stream, burst, piece, stop);
            closeFrame.TrySetResult(await RawWebSocketPeer.ReadCloseAsync(stream, stop));
        });
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(peer.WsUri, events.Callback, new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.Zero });

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"m{i}"), events.Of(WebSocketEvent.Message).Select(e => e.Text));
        Assert.Equal(WebSocketErrorKind.Protocol, events.Of(WebSocketEvent.Error).Single().Error!.Kind);
        Assert.Equal(WebSocketEvent.Closed, events.Kinds[^1]);
        Assert.Equal(expectedClose, await closeFrame.Task.WaitAsync(EventRecorder.Timeout));
    }

    /// <summary>
    /// 300 small text messages, with among them: pings, an empty message, a fragmented message with a ping between its
    /// fragments, binary messages with 16-bit and 64-bit lengths (one larger than a read chunk), and a message whose text
    /// is multi-byte UTF-8.
    /// </summary>
    private static (byte[] Burst, List<(WebSocketMessageKind Kind, byte[] Data)> Expected, List<byte[]> Pings) MixedBurst()
    {
        var burst = new List<byte>();
        var expected = new List<(WebSocketMessageKind, byte[])>();
        var pings = new List<byte[]>();
        for (var i = 0; i < 300; i++)
        {
            if (i % 25 == 0)
            {
                var ping = Encoding.ASCII.GetBytes($"p{i}");
                pings.Add(ping);
                burst.AddRange(RawWebSocketPeer.Frame(Fin | Ping, ping));
            }

            switch (i)
            {
                case 50:
                    burst.AddRange(RawWebSocketPeer.Frame(Fin | Text, []));
                    expected.Add((WebSocketMessageKind.Text, []));
                    break;
                case 100:
                    burst.AddRange(RawWebSocketPeer.Frame(Text, "frag-a "u8));
                    burst.AddRange(RawWebSocketPeer.Frame(Fin | Ping, "mid"u8));
                    pings.Add("mid"u8.ToArray());
                    burst.AddRange(RawWebSocketPeer.Frame(Continuation, "frag-b "u8));
                    burst.AddRange(RawWebSocketPeer.Frame(Fin | Continuation, "frag-c"u8));
                    expected.Add((WebSocketMessageKind.Text, "frag-a frag-b frag-c"u8.ToArray()));
                    break;
                case 150:
                    var medium = Enumerable.Range(0, 300).Select(b => (byte)b).ToArray();
                    burst.AddRange(RawWebSocketPeer.Frame(Fin | Binary, medium));
                    expected.Add((WebSocketMessageKind.Binary, medium));
                    break;
                case 200:
                    var large = Enumerable.Range(0, 70_000).Select(b => (byte)(b * 7)).ToArray();
                    burst.AddRange(RawWebSocketPeer.Frame(Fin | Binary, large));
                    expected.Add((WebSocketMessageKind.Binary, large));
                    break;
                case 250:
                    var accented = Encoding.UTF8.GetBytes("{\"text\":\"déjà vu ✓ 🚀\"}");
                    burst.AddRange(RawWebSocketPeer.Frame(Fin | Text, accented));
                    expected.Add((WebSocketMessageKind.Text, accented));
                    break;
            }

            var text = Encoding.ASCII.GetBytes($"m{i}");
            burst.AddRange(RawWebSocketPeer.Frame(Fin | Text, text));
            expected.Add((WebSocketMessageKind.Text, text));
        }

        return ([.. burst], expected, pings);
    }

    private static byte[] Messages(int first, int count) =>
        [.. Enumerable.Range(first, count).SelectMany(i => RawWebSocketPeer.Frame(Fin | Text, Encoding.ASCII.GetBytes($"m{i}")))];

    private static async Task WriteAsync(Stream stream, byte[] bytes, int piece, CancellationToken cancellationToken)
    {
        if (piece == 0)
        {
            await stream.WriteAsync(bytes, cancellationToken);
            return;
        }

        for (var offset = 0; offset < bytes.Length; offset += piece)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)), cancellationToken);
        }
    }
}
