using System.Net.WebSockets;
using System.Text;
using CpWebSocket.Testing.Tests.Contracts.Chat;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>
/// What no contract describes: raw text and binary, malformed JSON, a message in fragments, invalid UTF-8 and a frame no
/// conforming server sends. Each reaches the client as over a socket, and the client's reaction is the real one.
/// </summary>
public sealed class RawFrameTests
{
    [Fact]
    public async Task Malformed_json_is_an_error_and_the_next_message_is_delivered()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var errors = new Captured<WebSocketErrorInfo>();
        var said = new Captured<Said>();
        chat.Error += errors.Add;
        chat.SaidReceived += said.Add;
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendTextAsync("""{"type":"chat.said","room":""");
        await peer.SendAsync(new Said("lobby", "bob", "still here"));

        var error = await errors.NextAsync();
        Assert.Equal((WebSocketErrorKind.InvalidJson, """{"type":"chat.said","room":"""), (error.Kind, error.RawText));
        Assert.Equal("still here", (await said.NextAsync()).Text);
        Assert.True(chat.IsOpen);
    }

    [Fact]
    public async Task Binary_frames_stay_on_the_raw_lane_both_ways()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var received = new Captured<(bool IsText, byte[] Data)>();
        chat.MessageReceived += message => received.Add((message.IsText, message.Data.ToArray()));
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendBinaryAsync(new byte[] { 0, 1, 0xFE, 0xFF });
        await chat.SendAsync(new byte[] { 9, 8, 7 });

        var (isText, data) = await received.NextAsync();
        Assert.False(isText);
        Assert.Equal(new byte[] { 0, 1, 0xFE, 0xFF }, data);
        var frame = await peer.ReceiveFrameAsync();
        Assert.Equal(PeerFrameKind.Binary, frame.Kind);
        Assert.Equal(new byte[] { 9, 8, 7 }, frame.Data.ToArray());
    }

    [Fact]
    public async Task A_message_sent_in_fragments_arrives_whole()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var said = new Captured<Said>();
        chat.SaidReceived += said.Add;
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendFrameAsync(Encoding.UTF8.GetBytes("""{"type":"chat.said","room":"lo"""), WebSocketMessageType.Text, endOfMessage: false);
        await peer.SendFrameAsync(Encoding.UTF8.GetBytes("""bby","from":"bob","text":"in parts"}"""), WebSocketMessageType.Text, endOfMessage: true);

        Assert.Equal(new Said("lobby", "bob", "in parts"), await said.NextAsync());
        Assert.Equal([false, true], peer.Exchanged.Select(frame => frame.EndOfMessage));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_text_frame_closes_the_connection_with_1007()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var errors = new Captured<WebSocketErrorKind>();
        chat.Error += error => errors.Add(error.Kind);
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendFrameAsync(new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' }, WebSocketMessageType.Text, endOfMessage: true);

        Assert.Equal(WebSocketErrorKind.Protocol, await errors.NextAsync());
        var close = await peer.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, close.CloseStatus);
    }

    [Fact]
    public async Task A_hand_made_frame_with_a_reserved_bit_is_a_protocol_error_that_closes_with_1002()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var errors = new Captured<WebSocketErrorInfo>();
        chat.Error += errors.Add;
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendRawAsync(new byte[] { 0b1100_0001, 0x02, (byte)'h', (byte)'i' });   // FIN, RSV1, text "hi": no extension allows RSV1

        var error = await errors.NextAsync();
        Assert.Equal(WebSocketErrorKind.Protocol, error.Kind);
        Assert.Contains("compressed frame when compression is not enabled", error.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, (await peer.ReceiveCloseAsync()).CloseStatus);
        Assert.Equal(PeerFrameKind.Raw, peer.Exchanged[0].Kind);
    }
}
