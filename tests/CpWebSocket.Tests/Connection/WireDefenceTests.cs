using System.Net.WebSockets;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// What a hand-written RFC 6455 peer can send that Kestrel never would: a frame header announcing 2^62 bytes followed by
/// silence, and a 101 answer that accepts what was never offered. The default transport checks both as they arrive.
/// </summary>
public sealed class WireDefenceTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_frame_announcing_2_pow_62_bytes_then_silence_is_refused_at_once_with_1009_keep_alive_on_or_off(bool keepAlive)
    {
        var closeFrame = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = new RawWebSocketPeer(async (stream, stop) =>
        {
            await stream.WriteAsync(RawWebSocketPeer.HeaderOnly(opcode: 0x2, announced: 1UL << 62), stop);
            closeFrame.TrySetResult(await RawWebSocketPeer.ReadCloseAsync(stream, stop)); // then silence: no byte of the payload, no close
        });
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions { KeepAliveInterval = keepAlive ? TimeSpan.FromSeconds(30) : TimeSpan.Zero };
        await using var socket = new HttpWebSocket(peer.WsUri, events.Callback, options);

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal(1009, await closeFrame.Task.WaitAsync(EventRecorder.Timeout));
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        var error = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.MessageTooLarge, error.Kind);
        Assert.Contains($"{1L << 62} bytes was announced", error.Message, StringComparison.Ordinal);
        Assert.Equal(new WebSocketCloseInfo(WebSocketCloseStatus.MessageTooBig, null, ByPeer: false, WillReconnect: false), events.Of(WebSocketEvent.Closed).Single().Close);
    }

    [Fact]
    public async Task A_fragmented_message_is_refused_when_its_running_total_passes_the_limit()
    {
        var closeFrame = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = new RawWebSocketPeer(async (stream, stop) =>
        {
            var fragment = new byte[2 + 2 + 1000];
            fragment[1] = 126;
            fragment[2] = 1000 >> 8;
            fragment[3] = 1000 & 0xFF;
            fragment[0] = 0x02; // binary, not final
            await stream.WriteAsync(fragment, stop);
            fragment[0] = 0x00; // continuation, not final
            await stream.WriteAsync(fragment, stop);
            await stream.WriteAsync(RawWebSocketPeer.HeaderOnly(opcode: 0x0, announced: 1000), stop); // 3,000 announced: over
            closeFrame.TrySetResult(await RawWebSocketPeer.ReadCloseAsync(stream, stop));
        });
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(peer.WsUri, events.Callback, new HttpWebSocketOptions { MaxMessageSize = 2500 });

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal(1009, await closeFrame.Task.WaitAsync(EventRecorder.Timeout));
        Assert.Contains("3000 bytes was announced", events.Of(WebSocketEvent.Error).Single().Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Sec-WebSocket-Extensions: permessage-deflate", "extension 'permessage-deflate'")]
    [InlineData("deflate", "Sec-WebSocket-Extensions: x-webkit-deflate-frame", "extension 'x-webkit-deflate-frame'")]
    [InlineData(null, "Sec-WebSocket-Protocol: chat.v9", "subprotocol 'chat.v9'")]
    [InlineData("chat.v1", "Sec-WebSocket-Protocol: chat.v2", "subprotocol 'chat.v2'")]
    public async Task A_101_that_accepts_what_was_not_offered_fails_the_open(string? offer, string header, string named)
    {
        await using var peer = new RawWebSocketPeer((_, _) => Task.CompletedTask, (_, key) => RawWebSocketPeer.Accepting(key, header));
        var options = new HttpWebSocketOptions();
        if (offer == "deflate")
        {
            options.DeflateOptions = new WebSocketDeflateOptions();
        }
        else if (offer is not null)
        {
            options.SubProtocols.Add(offer);
        }

        var events = new EventRecorder();
        var socket = new HttpWebSocket(peer.WsUri, events.Callback, options);

        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync().WaitAsync(EventRecorder.Timeout));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
        Assert.Contains("did not offer", failure.Message, StringComparison.Ordinal);
        Assert.Contains("RFC 6455", failure.Message, StringComparison.Ordinal);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
    }

    [Fact]
    public async Task A_101_whose_accept_key_does_not_answer_the_request_fails_the_open()
    {
        await using var peer = new RawWebSocketPeer(
            (_, _) => Task.CompletedTask,
            (_, _) => ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: bm90IHRoZSByaWdodCBrZXk="]);
        var socket = new HttpWebSocket(peer.WsUri);

        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync().WaitAsync(EventRecorder.Timeout));

        Assert.Contains("Sec-WebSocket-Accept", failure.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }
}
