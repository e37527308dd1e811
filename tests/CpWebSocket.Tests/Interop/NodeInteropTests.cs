using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Interop;

/// <summary>
/// The connection against Node's <c>ws</c> server: frame kinds and bytes survive a round trip, and the peer's
/// close, dropped connection and pings are handled as they are with Kestrel.
/// </summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class NodeInteropTests(NodePeerFixture fixture)
{
    private NodePeer Peer => fixture.Peer;

    private (HttpWebSocket Socket, EventRecorder Events) Connect(string pathAndQuery, HttpWebSocketOptions? options = null)
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(Peer.WsUri(pathAndQuery), events.Callback, options);
        events.Socket = socket;
        return (socket, events);
    }

    /// <summary>The close frame the client answered a tagged <c>/close</c> with, as the Node server received it.</summary>
    private async Task<(int Code, string Reason)> ReadCloseAnswerAsync(string tag)
    {
        var (reporter, events) = Connect($"/closed?tag={tag}");
        await using var _ = reporter;
        await reporter.OpenAsync();
        await events.WaitForAsync(WebSocketEvent.Message);
        using var report = JsonDocument.Parse(events.Of(WebSocketEvent.Message).Single().Data!);
        return (report.RootElement.GetProperty("code").GetInt32(), report.RootElement.GetProperty("reason").GetString()!);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("héllo, wörld ✓ 🚀")]
    [InlineData("")]
    public async Task Text_round_trips_as_a_text_frame_with_the_same_bytes(string text)
    {
        var (socket, events) = Connect("/echo");
        await using var _ = socket;
        await socket.OpenAsync();

        await socket.SendAsync(text, isData: false);
        await events.WaitForAsync(WebSocketEvent.Message);

        var echoed = events.Of(WebSocketEvent.Message).Single();
        Assert.Equal(WebSocketMessageKind.Text, echoed.Kind);
        Assert.Equal(Encoding.UTF8.GetBytes(text), echoed.Data);
        Assert.Equal(text, echoed.Text);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message], events.Kinds);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(70_000)] // past 65535: the frame carries a 64-bit length
    [InlineData(0)]
    public async Task Binary_round_trips_as_a_binary_frame_with_the_exact_bytes(int size)
    {
        // Every byte value, including ones that are not valid UTF-8, so no text conversion can go unnoticed.
        var payload = Enumerable.Range(0, size).Select(i => (byte)(255 - (i % 256))).ToArray();
        var (socket, events) = Connect("/echo");
        await using var _ = socket;
        await socket.OpenAsync();

        await socket.SendAsync(payload);
        await events.WaitForAsync(WebSocketEvent.Message);

        var echoed = events.Of(WebSocketEvent.Message).Single();
        Assert.Equal(WebSocketMessageKind.Binary, echoed.Kind);
        Assert.Equal(payload, echoed.Data);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message], events.Kinds);
    }

    [Fact]
    public async Task Mixed_text_and_binary_sends_come_back_in_order_and_in_kind()
    {
        var (socket, events) = Connect("/echo");
        await using var _ = socket;
        await socket.OpenAsync();

        socket.Send("one", isData: false);
        socket.Send(new byte[] { 2, 0, 2 });
        socket.Send("three"); // isData defaults to true: a binary frame
        socket.Send("four", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message, 4);

        Assert.Equal(
            [
                (WebSocketMessageKind.Text, "one"u8.ToArray()),
                (WebSocketMessageKind.Binary, new byte[] { 2, 0, 2 }),
                (WebSocketMessageKind.Binary, "three"u8.ToArray()),
                (WebSocketMessageKind.Text, "four"u8.ToArray()),
            ],
            events.Of(WebSocketEvent.Message).Select(m => (m.Kind!.Value, m.Data!)));
    }

    [Fact]
    public async Task Server_close_with_a_code_and_reason_is_reported_by_the_peer()
    {
        var tag = Guid.NewGuid().ToString("N");
        var (socket, events) = Connect($"/close?code=4001&reason=bye&tag={tag}");
        await using var _ = socket;
        await socket.OpenAsync();

        await socket.SendAsync("close now", isData: false); // /close answers the first message with its close frame
        await events.WaitForAsync(WebSocketEvent.Closed);

        // The peer's close frame starts the close handshake: Closing, then Closed once it is answered.
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        var close = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.Equal((WebSocketCloseStatus)4001, close.Status);
        Assert.Equal("bye", close.Description);
        Assert.True(close.ByPeer);
        Assert.False(close.WillReconnect);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.False(socket.IsOpen);

        // The handshake was completed: Node got a close frame back (1006 would mean the client never answered).
        // Echoing the peer's code and answering with 1000 are both allowed (RFC 6455, section 5.5.1).
        var (answer, reason) = await ReadCloseAnswerAsync(tag);
        Assert.True(answer is 1000 or 4001, $"Node got close code {answer} '{reason}' back");
    }

    [Fact]
    public async Task Server_close_right_after_the_handshake_still_opens_first()
    {
        var (socket, events) = Connect("/close?code=4001&reason=bye&after=0");
        await using var _ = socket;

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        var close = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.Equal((WebSocketCloseStatus)4001, close.Status);
        Assert.Equal("bye", close.Description);
        Assert.True(close.ByPeer);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task Terminated_tcp_connection_raises_connection_lost_then_closed()
    {
        var (socket, events) = Connect("/terminate");
        await using var _ = socket;
        await socket.OpenAsync();

        await socket.SendAsync("terminate now", isData: false);
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        var error = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.ConnectionLost, error.Kind);
        Assert.Contains("was lost", error.Message, StringComparison.Ordinal);
        var close = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.True(close.ByPeer);
        Assert.Null(close.Status); // no close frame was ever received
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task Client_close_completes_the_handshake_with_node()
    {
        var (socket, events) = Connect("/echo");
        await using var _ = socket;
        await socket.OpenAsync();

        await socket.CloseAsync().WaitAsync(EventRecorder.Timeout);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        var close = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.Equal(WebSocketCloseStatus.NormalClosure, close.Status); // ws answers with the code it received
        Assert.False(close.ByPeer);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task Pings_from_the_server_are_answered_with_pongs()
    {
        // Keep-alive off: the client's own keep-alive frames must not be what the server counts.
        var (socket, events) = Connect("/ping", new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        await using var _ = socket;
        await socket.OpenAsync();

        await events.WaitForAsync(WebSocketEvent.Message);

        var report = events.Of(WebSocketEvent.Message).Single();
        Assert.Equal(WebSocketMessageKind.Text, report.Kind);
        Assert.StartsWith("pongs:", report.Text, StringComparison.Ordinal);
        var pongs = int.Parse(report.Text!.AsSpan("pongs:".Length), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.True(pongs >= 3, $"the server saw {pongs} pongs");
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message], events.Kinds);
    }
}
