using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// Guard: reconnection is off by default; when enabled it backs off with jitter, is bounded, reports each attempt,
/// and never replays sends made while disconnected (Websocket.Client reconnects by default, at once, and flushes its queues).
/// </summary>
public abstract class ReconnectTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    private static HttpWebSocketOptions Reconnecting(int attempts) => new()
    {
        Reconnect = new ReconnectPolicy { MaxAttempts = attempts, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
    };

    [Fact]
    public async Task Reconnection_is_off_by_default()
    {
        Assert.Null(new HttpWebSocketOptions().Reconnect);
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/drop?after=1&tag={tag}"), events.Callback, Options());
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.False(events.Of(WebSocketEvent.Closed).Single().Close!.Value.WillReconnect);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Single(events.Of(WebSocketEvent.Opening));
        Assert.Single(fixture.Server.Events.Connections, c => c.Tag == tag);
    }

    [Fact]
    public async Task A_lost_connection_reconnects_and_reports_the_attempt_through_lifecycle_events()
    {
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/drop?after=1&tag={tag}"), events.Callback, Options(Reconnecting(3)));
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Opened, 2);

        Assert.Equal(
            [WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed, WebSocketEvent.Opening, WebSocketEvent.Opened],
            events.Kinds);
        Assert.True(events.Of(WebSocketEvent.Closed).Single().Close!.Value.WillReconnect);
        Assert.True(socket.IsOpen);
        Assert.Equal(2, fixture.Server.Events.Connections.Count(c => c.Tag == tag));
    }

    [Fact]
    public async Task Sends_made_while_disconnected_fail_and_are_never_replayed()
    {
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        Task? staleAsync = null;
        events.OnEvent = (s, e) =>
        {
            if (e.Event == WebSocketEvent.Closed)
            {
                s!.Send("stale", isData: false);
                staleAsync = s.SendAsync("stale async", isData: false).AsTask();
            }
        };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/drop?after=1&tag={tag}"), events.Callback, Options(Reconnecting(3)));
        events.Socket = socket;
        await socket.OpenAsync();
        var first = await fixture.Server.WaitForConnectionAsync("/drop", TestServer.DefaultTimeout, tag);

        socket.Send("drop me", isData: false);
        await events.WaitForAsync(WebSocketEvent.Opened, 2);
        await socket.SendAsync("fresh", isData: false);

        await Assert.ThrowsAsync<WebSocketSendException>(() => staleAsync!);
        Assert.Contains(events.Of(WebSocketEvent.Error), e => e.Error!.Kind == WebSocketErrorKind.Send);
        var second = await fixture.Server.WaitForConnectionAsync("/drop", TestServer.DefaultTimeout, tag);
        var received = await second.WaitForMessagesAsync(1, TestServer.DefaultTimeout);
        Assert.Equal("fresh", received[0].Text);
        Assert.DoesNotContain(first.Messages.Concat(second.Messages), m => m.Text.StartsWith("stale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconnection_gives_up_after_the_bounded_number_of_attempts()
    {
        var server = await TestServer.StartAsync();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(server.WsUri("/echo"), events.Callback, Options(Reconnecting(3)));
        await socket.OpenAsync();

        await server.DisposeAsync(); // the server goes away for good
        await events.WaitUntilAsync(
            e => e.Count(x => x.Event == WebSocketEvent.Closed && !x.Close!.Value.WillReconnect) == 1,
            "the last Closed event");

        var closed = events.Of(WebSocketEvent.Closed);
        Assert.Equal(4, closed.Count); // the loss, then three failed attempts
        Assert.Equal([true, true, true, false], closed.Select(c => c.Close!.Value.WillReconnect));
        Assert.Equal(4, events.Of(WebSocketEvent.Opening).Count);
        Assert.Equal(3, events.Of(WebSocketEvent.Error).Count(e => e.Error!.Kind == WebSocketErrorKind.Connect));
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task Close_cancels_a_pending_reconnect()
    {
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions { Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10) } };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/drop?after=1&tag={tag}"), events.Callback, Options(options));
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Closed);
        Assert.True(socket.IsReconnectPending);

        Assert.Same(socket, socket.Close());

        Assert.False(socket.IsReconnectPending);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Single(events.Of(WebSocketEvent.Opening));
        Assert.Single(fixture.Server.Events.Connections, c => c.Tag == tag);
    }

    [Fact]
    public async Task Close_while_a_reconnect_waits_raises_a_final_Closed_that_will_not_reconnect_and_CloseAsync_waits_for_it()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/drop?after=1"), events.Callback, Options(WaitingLong()));
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Closed);
        await socket.CloseAsync().WaitAsync(TestServer.DefaultTimeout);

        Assert.Equal([true, false], events.Of(WebSocketEvent.Closed).Select(c => c.Close!.Value.WillReconnect));
        Assert.Equal(WebSocketEvent.Closed, events.Kinds[^1]);
        Assert.False(events.Of(WebSocketEvent.Closed)[^1].Close!.Value.ByPeer);
        Assert.False(socket.IsReconnectPending);
    }

    [Fact]
    public async Task Close_from_the_Closed_handler_of_a_lost_connection_raises_a_final_Closed()
    {
        var events = new EventRecorder();
        events.OnEvent = (s, e) =>
        {
            if (e.Event == WebSocketEvent.Closed && e.Close!.Value.WillReconnect)
            {
                s!.Close();
            }
        };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/drop?after=1"), events.Callback, Options(WaitingLong()));
        events.Socket = socket;
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitUntilAsync(e => e.Count(x => x.Event == WebSocketEvent.Closed) == 2, "the final Closed");

        Assert.Equal([true, false], events.Of(WebSocketEvent.Closed).Select(c => c.Close!.Value.WillReconnect));
        Assert.False(socket.IsReconnectPending);
    }

    [Fact]
    public async Task DisposeAsync_while_a_reconnect_waits_raises_a_final_Closed_before_it_completes()
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(fixture.Server.WsUri("/drop?after=1"), events.Callback, Options(WaitingLong()));
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Closed);
        await socket.DisposeAsync().AsTask().WaitAsync(TestServer.DefaultTimeout);

        Assert.Equal([true, false], events.Of(WebSocketEvent.Closed).Select(c => c.Close!.Value.WillReconnect));
    }

    [Fact]
    public async Task Open_while_a_reconnect_waits_connects_at_once_without_a_final_Closed()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/drop?after=1"), events.Callback, Options(WaitingLong()));
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Closed);
        await socket.OpenAsync().WaitAsync(TestServer.DefaultTimeout);

        Assert.Equal([true], events.Of(WebSocketEvent.Closed).Select(c => c.Close!.Value.WillReconnect));
        Assert.False(socket.IsReconnectPending);
    }

    private static HttpWebSocketOptions WaitingLong() =>
        new() { Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10) } };
}

/// <summary><see cref="ReconnectTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ReconnectTestsOverSockets(TestServerFixture fixture) : ReconnectTests(fixture, TransportKind.Sockets);

/// <summary><see cref="ReconnectTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ReconnectTestsOverWebsocketClient(TestServerFixture fixture) : ReconnectTests(fixture, TransportKind.WebsocketClient);
