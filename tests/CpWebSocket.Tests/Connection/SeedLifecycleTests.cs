using System.Net.WebSockets;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>One test per row of the seed's lifecycle (DESIGN.md section 1), against a real Kestrel server.</summary>
public abstract class SeedLifecycleTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    private TestServer Server => fixture.Server;

    private (HttpWebSocket Socket, EventRecorder Events) Connect(string pathAndQuery, HttpWebSocketOptions? options = null)
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(Server.WsUri(pathAndQuery), events.Callback, Options(options));
        events.Socket = socket;
        return (socket, events);
    }

    [Fact]
    public async Task New_is_closed_and_connects_nothing()
    {
        var tag = Guid.NewGuid().ToString("N");
        var (socket, events) = Connect($"/echo?tag={tag}");

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.False(socket.IsOpen);
        Assert.Empty(events.Events);

        // A later connection reaches the server; the new one never did.
        await using var probe = new HttpWebSocket(Server.WsUri("/echo?tag=probe-" + tag), options: Options());
        await probe.OpenAsync();
        await Server.WaitForConnectionAsync("/echo", TestServer.DefaultTimeout, "probe-" + tag);
        Assert.DoesNotContain(Server.Events.Connections, c => c.Tag == tag);
    }

    [Fact]
    public async Task Open_sets_opening_raises_opening_once_and_returns_the_status()
    {
        using var peer = new SilentTcpPeer();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(peer.WsUri, events.Callback, Options());

        Assert.Equal(WebSocketStatus.Opening, socket.Open());
        Assert.Equal(WebSocketStatus.Opening, socket.Open()); // no change, no second event

        Assert.Equal(WebSocketStatus.Opening, socket.Status);
        Assert.Equal([WebSocketEvent.Opening], events.Kinds);
    }

    [Fact]
    public async Task Established_connection_sets_open_and_raises_opened()
    {
        var (socket, events) = Connect("/echo");
        await using var _ = socket;

        await socket.OpenAsync();

        Assert.Equal(WebSocketStatus.Open, socket.Status);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened], events.Kinds);
        Assert.Equal(WebSocketStatus.Open, events.Of(WebSocketEvent.Opened).Single().StatusDuringCallback);
    }

    [Fact]
    public async Task Message_while_open_raises_message_with_the_payload()
    {
        var (socket, events) = Connect("/echo");
        await using var _ = socket;
        await socket.OpenAsync();

        socket.Send("hello", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message);

        var message = events.Of(WebSocketEvent.Message).Single();
        Assert.Equal("hello", message.Text);
        Assert.Equal(WebSocketStatus.Open, message.StatusDuringCallback);
    }

    [Fact]
    public async Task Message_while_not_open_raises_error_instead_of_message()
    {
        // The server sends three messages at once; closing from inside the first one's callback means the
        // other two are delivered while the status is Closing.
        var (socket, events) = Connect("/send?kind=text&count=3&size=5");
        await using var _ = socket;
        events.OnEvent = (s, e) =>
        {
            if (e.Event == WebSocketEvent.Message)
            {
                s!.Close();
            }
        };

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal(
            [WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message, WebSocketEvent.Closing, WebSocketEvent.Error, WebSocketEvent.Error, WebSocketEvent.Closed],
            events.Kinds);
        var errors = events.Of(WebSocketEvent.Error);
        Assert.All(errors, e => Assert.Equal(WebSocketErrorKind.MessageWhileNotOpen, e.Error!.Kind));
        Assert.Contains("while the status was Closing", errors[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ServerPayloads.Text(1, 5)), errors[0].Error!.RawText);
    }

    [Fact]
    public async Task Failure_while_open_raises_error_with_the_reason_then_closed()
    {
        var (socket, events) = Connect("/drop?after=1");
        await using var _ = socket;
        await socket.OpenAsync();

        socket.Send("bye", isData: false);
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        var error = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.ConnectionLost, error.Kind);
        Assert.Contains("was lost", error.Message, StringComparison.Ordinal);
        Assert.True(events.Of(WebSocketEvent.Closed).Single().Close!.Value.ByPeer);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task Failure_while_closing_is_not_reported()
    {
        // The silent peer never answers the close; the abort at the close timeout is a failure while closing.
        var (socket, events) = Connect("/silent-close", new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromMilliseconds(500) });
        await using var _ = socket;
        await socket.OpenAsync();

        await socket.CloseAsync().WaitAsync(EventRecorder.Timeout);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
    }

    [Fact]
    public async Task Close_when_open_goes_closing_then_closed_after_the_handshake()
    {
        var tag = Guid.NewGuid().ToString("N");
        var (socket, events) = Connect($"/echo?tag={tag}");
        await socket.OpenAsync();
        var server = await Server.WaitForConnectionAsync("/echo", TestServer.DefaultTimeout, tag);

        var returned = socket.Close();

        Assert.Same(socket, returned);
        Assert.Contains(socket.Status, new[] { WebSocketStatus.Closing, WebSocketStatus.Closed }); // as the seed says: either
        await events.WaitForAsync(WebSocketEvent.Closed);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        var close = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.Equal(WebSocketCloseStatus.NormalClosure, close.Status);
        Assert.False(close.ByPeer);
        await server.WaitForCloseReceivedAsync(TestServer.DefaultTimeout);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, server.ClientCloseStatus);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task Close_when_opening_goes_straight_to_closed()
    {
        using var peer = new SilentTcpPeer();
        var events = new EventRecorder();
        var socket = new HttpWebSocket(peer.WsUri, events.Callback, Options());
        socket.Open();
        var opening = socket.OpenAsync();

        Assert.Same(socket, socket.Close());

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Closed], events.Kinds);
        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => opening);
        Assert.Contains("before the connection", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_when_closed_or_closing_does_nothing_and_returns_the_object()
    {
        var (socket, events) = Connect("/silent-close", new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromMilliseconds(500) });
        Assert.Same(socket, socket.Close()); // closed: nothing
        Assert.Empty(events.Events);

        await socket.OpenAsync();
        socket.Close();
        Assert.Same(socket, socket.Close()); // closing: nothing more
        await events.WaitForAsync(WebSocketEvent.Closed);
        Assert.Same(socket, socket.Close()); // closed again

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
    }

    [Fact]
    public async Task IsOpen_is_true_only_while_open()
    {
        var (socket, events) = Connect("/echo");
        Assert.False(socket.IsOpen);

        await socket.OpenAsync();
        Assert.True(socket.IsOpen);

        socket.Close();
        Assert.False(socket.IsOpen); // closing
        await events.WaitForAsync(WebSocketEvent.Closed);
        Assert.False(socket.IsOpen);
    }

    [Fact]
    public async Task Send_defaults_to_a_binary_frame_and_isData_false_sends_text()
    {
        var tag = Guid.NewGuid().ToString("N");
        var (socket, _) = Connect($"/record?tag={tag}");
        await using var _ = socket;
        await socket.OpenAsync();

        socket.Send("as data");
        socket.Send("as text", isData: false);
        await socket.SendAsync("async data");
        await socket.SendAsync("async text", isData: false);

        var server = await Server.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        var received = await server.WaitForMessagesAsync(4, TestServer.DefaultTimeout);
        Assert.Equal(
            [(WebSocketMessageType.Binary, "as data"), (WebSocketMessageType.Text, "as text"), (WebSocketMessageType.Binary, "async data"), (WebSocketMessageType.Text, "async text")],
            received.Select(m => (m.Type, m.Text)));
    }

    [Fact]
    public async Task Text_send_replaces_invalid_utf8_and_lone_surrogates_with_the_replacement_character()
    {
        var tag = Guid.NewGuid().ToString("N");
        var (socket, _) = Connect($"/record?tag={tag}");
        await using var _ = socket;
        await socket.OpenAsync();

        socket.Send(new byte[] { 0x61, 0xC3, 0x28 }, isData: false);
        await socket.SendAsync(new byte[] { 0xFF, 0x62 }, isData: false);
        socket.Send("c\uD800d", isData: false);
        socket.Send(new byte[] { 0xC3, 0x28 }); // binary: untouched

        var server = await Server.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        var received = await server.WaitForMessagesAsync(4, TestServer.DefaultTimeout);
        Assert.Equal(new byte[] { 0x61, 0xEF, 0xBF, 0xBD, 0x28 }, received[0].Data.ToArray());
        Assert.Equal(new byte[] { 0xEF, 0xBF, 0xBD, 0x62 }, received[1].Data.ToArray());
        Assert.Equal("c\uFFFDd", received[2].Text);
        Assert.Equal(new byte[] { 0xC3, 0x28 }, received[3].Data.ToArray());
        Assert.Equal(WebSocketMessageType.Binary, received[3].Type);
    }

    [Fact]
    public async Task Send_when_not_open_is_reported_and_nothing_is_sent()
    {
        var (socket, events) = Connect("/echo");

        Assert.Same(socket, socket.Send("nobody hears this"));
        var failure = await Assert.ThrowsAsync<WebSocketSendException>(() => socket.SendAsync("nor this").AsTask());

        var error = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.Send, error.Kind);
        Assert.Contains("the status is Closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("the status is Closed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_follows_every_state()
    {
        using var peer = new SilentTcpPeer();
        var pending = new HttpWebSocket(peer.WsUri, options: Options());
        Assert.Equal(WebSocketStatus.Closed, pending.Status);
        pending.Open();
        Assert.Equal(WebSocketStatus.Opening, pending.Status); // the silent peer keeps it opening
        pending.Close();
        Assert.Equal(WebSocketStatus.Closed, pending.Status);

        var (socket, events) = Connect("/silent-close", new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromSeconds(1) });
        await socket.OpenAsync();
        Assert.Equal(WebSocketStatus.Open, socket.Status);
        socket.Close();
        Assert.Equal(WebSocketStatus.Closing, socket.Status); // the silent peer keeps it closing
        await socket.CloseAsync();
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Equal(
            [WebSocketStatus.Opening, WebSocketStatus.Open, WebSocketStatus.Closing, WebSocketStatus.Closed],
            events.Events.Select(e => e.StatusDuringCallback));
    }

    [Fact]
    public async Task Failed_connect_ends_closed_with_error_then_closed()
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(TestServer.RefusedWsUri(), events.Callback, Options());

        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync());

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        await events.WaitForAsync(WebSocketEvent.Closed);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(WebSocketErrorKind.Connect, events.Of(WebSocketEvent.Error).Single().Error!.Kind);
        Assert.StartsWith($"Could not connect to {socket.Url}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("refused", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rejected_handshake_ends_closed_with_error_naming_the_status_code()
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(Server.WsUri("/reject"), events.Callback, Options());

        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync());

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        await events.WaitForAsync(WebSocketEvent.Closed);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
    }

    [Fact]
    public async Task Each_event_fires_once_per_status_change()
    {
        var (socket, events) = Connect("/echo");

        socket.Open();
        socket.Open();
        await socket.OpenAsync();
        socket.Open();
        socket.Close();
        socket.Close();
        await socket.CloseAsync();
        socket.Close();

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
    }

    [Fact]
    public async Task The_seed_callback_gets_the_event_and_the_message_text()
    {
        var seen = new List<(WebSocketEvent, string?)>();
        var messageArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var socket = new HttpWebSocket(Server.WsUri("/echo"), (e, message) =>
        {
            lock (seen)
            {
                seen.Add((e, message));
            }

            if (e == WebSocketEvent.Message)
            {
                messageArrived.TrySetResult();
            }
        }, Options());

        await socket.OpenAsync();
        socket.Send("ping");
        await messageArrived.Task.WaitAsync(EventRecorder.Timeout);

        Assert.Equal([(WebSocketEvent.Opening, null), (WebSocketEvent.Opened, null), (WebSocketEvent.Message, "ping")], seen);
    }
}

/// <summary><see cref="SeedLifecycleTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SeedLifecycleTestsOverSockets(TestServerFixture fixture) : SeedLifecycleTests(fixture, TransportKind.Sockets);

/// <summary><see cref="SeedLifecycleTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SeedLifecycleTestsOverWebsocketClient(TestServerFixture fixture) : SeedLifecycleTests(fixture, TransportKind.WebsocketClient);
