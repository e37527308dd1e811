using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// The peer stops answering (no data, no pongs) while the TCP connection stays up: the keep-alive timeout notices, the
/// connection closes, and the error says that no pong came back in time. A <see cref="LoopbackProxy"/> stalls the
/// traffic to Kestrel in both directions.
/// </summary>
// From .NET 9 on, the websocket sends pings that expect pongs, within the keep-alive timeout. On .NET 8 it sends
// unsolicited pongs and has no timeout: the .NET 8 build ignores the option, as the README says.
#if NET9_0_OR_GREATER
public abstract class KeepAliveTimeoutTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task A_peer_that_stops_answering_is_detected_by_the_keep_alive_timeout_and_the_error_names_it()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(200), KeepAliveTimeout = TimeSpan.FromSeconds(1) };
        await using var socket = new HttpWebSocket(proxy.Through(fixture.Server.WsUri("/echo")), events.Callback, Options(options));
        events.Socket = socket;
        await socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);
        await socket.SendAsync("still there?", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message);

        link.Stall(ProxyDirection.Both);
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal(
            [WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message, WebSocketEvent.Error, WebSocketEvent.Closed],
            events.Kinds);
        var error = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.ConnectionLost, error.Kind);
        Assert.Equal($"The connection to {socket.Url} was lost: no keep-alive pong arrived within 00:00:01 (HttpWebSocketOptions.KeepAliveTimeout).", error.Message);
        Assert.Equal(new WebSocketCloseInfo(null, null, ByPeer: true, WillReconnect: false), events.Of(WebSocketEvent.Closed).Single().Close);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task With_reconnection_on_a_connection_lost_to_the_keep_alive_timeout_is_opened_again()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions
        {
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
            KeepAliveTimeout = TimeSpan.FromSeconds(1),
            Reconnect = new ReconnectPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        await using var socket = new HttpWebSocket(proxy.Through(fixture.Server.WsUri("/echo")), events.Callback, Options(options));
        events.Socket = socket;
        await socket.OpenAsync();
        var stalled = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);

        stalled.Stall(ProxyDirection.Both);
        await events.WaitForAsync(WebSocketEvent.Opened, 2);
        await socket.SendAsync("on the new connection", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message);

        Assert.Equal(
            [WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed, WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message],
            events.Kinds);
        Assert.Contains("no keep-alive pong", events.Of(WebSocketEvent.Error).Single().Error!.Message, StringComparison.Ordinal);
        Assert.True(events.Of(WebSocketEvent.Closed).Single().Close!.Value.WillReconnect);
        Assert.Equal(2, proxy.Links.Count);
    }

    [Fact]
    public async Task A_peer_that_answers_pings_keeps_the_connection_open_past_the_keep_alive_timeout()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(100), KeepAliveTimeout = TimeSpan.FromSeconds(2) };
        await using var socket = new HttpWebSocket(proxy.Through(fixture.Server.WsUri("/echo")), events.Callback, Options(options));
        events.Socket = socket;
        await socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);

        // Idle: only pings and pongs cross the proxy, for longer than the keep-alive interval plus timeout.
        var before = link.BytesToClient;
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.True(link.BytesToClient > before, "the server's pongs should have reached the client");
        Assert.True(socket.IsOpen);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened], events.Kinds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_keep_alive_timeout_that_is_not_positive_is_refused(int milliseconds)
    {
        var options = new HttpWebSocketOptions { KeepAliveTimeout = TimeSpan.FromMilliseconds(milliseconds) };

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpWebSocket(new Uri("ws://127.0.0.1:1/"), options: Options(options)));
        Assert.Equal(nameof(HttpWebSocketOptions.KeepAliveTimeout), refused.ParamName);
    }

    [Fact]
    public void The_keep_alive_timeout_defaults_to_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new HttpWebSocketOptions().KeepAliveTimeout);
        Assert.Equal(HttpWebSocketOptions.DefaultKeepAliveTimeout, new HttpWebSocketOptions().KeepAliveTimeout);
    }
}

/// <summary><see cref="KeepAliveTimeoutTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class KeepAliveTimeoutTestsOverSockets(TestServerFixture fixture) : KeepAliveTimeoutTests(fixture, TransportKind.Sockets);

/// <summary><see cref="KeepAliveTimeoutTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class KeepAliveTimeoutTestsOverWebsocketClient(TestServerFixture fixture) : KeepAliveTimeoutTests(fixture, TransportKind.WebsocketClient);
#endif
