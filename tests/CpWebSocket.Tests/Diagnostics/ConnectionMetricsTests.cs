using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Diagnostics;

/// <summary>The connection instruments of the <c>CpWebSocket</c> meter, measured over real connections to Kestrel.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ConnectionMetricsTests(TestServerFixture fixture)
{
    private const string ActiveConnections = "cpwebsocket.client.active_connections";
    private const string ConnectionDuration = "cpwebsocket.client.connection.duration";
    private const string ConnectDuration = "cpwebsocket.client.connect.duration";
    private const string ReconnectAttempts = "cpwebsocket.client.reconnect.attempts";
    private const string MessageSize = "cpwebsocket.client.message.size";
    private const string Errors = "cpwebsocket.client.errors";

    [Fact]
    public async Task Active_connections_counts_a_connection_up_when_it_opens_and_down_when_it_closes()
    {
        using var metrics = new MetricRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: metrics.Options());

        await socket.OpenAsync();
        var up = Assert.Single(metrics.Of(ActiveConnections));
        await socket.CloseAsync();

        Assert.Equal(1, up.Value);
        AssertServerTags(up);
        Assert.Equal([1d, -1d], metrics.Of(ActiveConnections).Select(m => m.Value));
    }

    [Fact]
    public async Task Connection_duration_is_recorded_when_a_connection_this_side_closes_ends()
    {
        using var metrics = new MetricRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: metrics.Options());
        await socket.OpenAsync();
        Assert.Empty(metrics.Of(ConnectionDuration));

        await socket.CloseAsync();

        var duration = Assert.Single(metrics.Of(ConnectionDuration));
        Assert.True(duration.Value > 0);
        AssertServerTags(duration);
        Assert.Equal("client", duration.Tag("cpwebsocket.close.initiator"));
        Assert.Equal(1000, duration.Tag("cpwebsocket.close.status"));
        Assert.Null(duration.Tag("error.type"));
    }

    [Fact]
    public async Task Connection_duration_says_the_server_closed_and_with_which_status()
    {
        using var metrics = new MetricRecorder();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/close?code=4001&reason=bye"), events.Callback, metrics.Options());
        await socket.OpenAsync();

        await events.WaitForAsync(WebSocketEvent.Closed);

        var duration = Assert.Single(await metrics.WaitForAsync(ConnectionDuration));
        Assert.Equal("server", duration.Tag("cpwebsocket.close.initiator"));
        Assert.Equal(4001, duration.Tag("cpwebsocket.close.status"));
        Assert.Null(duration.Tag("error.type"));
    }

    [Fact]
    public async Task A_lost_connection_ends_its_duration_with_error_type_and_is_no_longer_active()
    {
        using var metrics = new MetricRecorder();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/drop?after=1"), events.Callback, metrics.Options());
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Closed);

        var duration = Assert.Single(await metrics.WaitForAsync(ConnectionDuration));
        Assert.Equal("connection_lost", duration.Tag("error.type"));
        Assert.Null(duration.Tag("cpwebsocket.close.status"));
        Assert.Equal(0, metrics.Of(ActiveConnections).Sum(m => m.Value));
        var error = Assert.Single(metrics.Of(Errors));
        Assert.Equal("connection_lost", error.Tag("error.type"));
        AssertServerTags(error);
    }

    [Fact]
    public async Task Connect_duration_is_recorded_for_a_connect_that_succeeds()
    {
        using var metrics = new MetricRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: metrics.Options());

        await socket.OpenAsync();

        var connect = Assert.Single(metrics.Of(ConnectDuration));
        Assert.True(connect.Value > 0);
        AssertServerTags(connect);
        Assert.Equal(false, connect.Tag("cpwebsocket.connect.reconnect"));
        Assert.Null(connect.Tag("error.type"));
        Assert.Empty(metrics.Of(ReconnectAttempts));
    }

    [Fact]
    public async Task A_refused_connect_is_recorded_with_the_http_error_behind_it_and_is_never_active()
    {
        using var metrics = new MetricRecorder();
        await using var socket = new HttpWebSocket(TestServer.RefusedWsUri(), options: metrics.Options());

        await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync());

        var connect = Assert.Single(await metrics.WaitForAsync(ConnectDuration));
        Assert.Equal("connection_error", connect.Tag("error.type"));
        Assert.Empty(metrics.Of(ActiveConnections));
        Assert.Empty(metrics.Of(ConnectionDuration));
        Assert.Equal("connect", Assert.Single(await metrics.WaitForAsync(Errors)).Tag("error.type"));
    }

    [Fact]
    public async Task A_rejected_upgrade_is_recorded_as_not_a_websocket()
    {
        using var metrics = new MetricRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/reject?status=401"), options: metrics.Options());

        await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync());

        Assert.Equal("not_a_websocket", Assert.Single(await metrics.WaitForAsync(ConnectDuration)).Tag("error.type"));
    }

    [Fact]
    public async Task A_reconnect_is_counted_and_its_connect_is_tagged_as_one()
    {
        using var metrics = new MetricRecorder();
        var events = new EventRecorder();
        var options = metrics.Options(new HttpWebSocketOptions
        {
            Reconnect = new ReconnectPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        });
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/drop?after=1"), events.Callback, options);
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Opened, 2);

        var attempt = Assert.Single(await metrics.WaitForAsync(ReconnectAttempts));
        Assert.Equal(1, attempt.Value);
        Assert.Null(attempt.Tag("error.type"));
        AssertServerTags(attempt);
        var connects = await metrics.WaitForAsync(ConnectDuration, count: 2);
        Assert.Equal([false, true], connects.Select(c => c.Tag("cpwebsocket.connect.reconnect")));
        Assert.Equal(1, metrics.Of(ActiveConnections).Sum(m => m.Value));
    }

    [Fact]
    public async Task Message_size_records_each_message_sent_and_received_by_direction_and_type()
    {
        using var metrics = new MetricRecorder();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, metrics.Options());
        await socket.OpenAsync();

        await socket.SendAsync("hello", isData: false);
        await socket.SendAsync(new byte[300]);
        await events.WaitForAsync(WebSocketEvent.Message, 2);

        var sizes = await metrics.WaitForAsync(MessageSize, count: 4);
        Assert.Equal(
            [("transmit", "text", 5d), ("transmit", "binary", 300d), ("receive", "text", 5d), ("receive", "binary", 300d)],
            sizes.Select(m => ((string)m.Tag("network.io.direction")!, (string)m.Tag("cpwebsocket.message.type")!, m.Value))
                .OrderByDescending(m => m.Item1).ThenByDescending(m => m.Item2));
        Assert.All(sizes, AssertServerTags);
    }

    [Fact]
    public async Task Message_size_tags_a_typed_clients_messages_with_their_contract_and_raw_ones_without()
    {
        using var metrics = new MetricRecorder();
        await using var client = new WrappedEchoClient(fixture.Server.WsUri("/echo"), metrics.Options());
        var received = new TaskCompletionSource<Tick>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.TickReceived += tick => received.TrySetResult(tick);
        var raw = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.MessageReceived += message => { if (!message.IsText) raw.TrySetResult(); };
        await client.OpenAsync();

        await client.SendAsync(new Tick("BTC", 1.5m));
        await received.Task.WaitAsync(TestTimeouts.Generous);
        await client.SendAsync(new byte[] { 1, 2, 3 });
        await raw.Task.WaitAsync(TestTimeouts.Generous);

        var sizes = await metrics.WaitForAsync(MessageSize, count: 4);
        Assert.Equal(
            [("receive", "binary", null), ("receive", "text", "Tick"), ("transmit", "binary", null), ("transmit", "text", "Tick")],
            sizes.Select(m => ((string)m.Tag("network.io.direction")!, (string)m.Tag("cpwebsocket.message.type")!, (string?)m.Tag("cpwebsocket.message.contract")))
                .Order());
        Assert.All(sizes.Where(m => (string)m.Tag("cpwebsocket.message.type")! == "text"), m => Assert.True(m.Value > 20, $"a tick of {m.Value} bytes"));
    }

    [Fact]
    public async Task Errors_about_a_received_contract_carry_its_name()
    {
        using var metrics = new MetricRecorder();
        await using var client = new WrappedEchoClient(fixture.Server.WsUri("/echo"), metrics.Options());
        var error = new TaskCompletionSource<WebSocketErrorInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Error += info => error.TrySetResult(info);
        await client.OpenAsync();

        // Echoed back, a tick whose price is not a number: routed to Tick, and not deserialized.
        await client.SendAsync("""{"type":"tick","data":{"symbol":"BTC","price":"lots"}}""", isData: false);
        var reported = await error.Task.WaitAsync(TestTimeouts.Generous);

        Assert.Equal(WebSocketErrorKind.Deserialization, reported.Kind);
        Assert.Equal(typeof(Tick), reported.Contract);
        var counted = Assert.Single(await metrics.WaitForAsync(Errors));
        Assert.Equal("deserialization", counted.Tag("error.type"));
        Assert.Equal("Tick", counted.Tag("cpwebsocket.message.contract"));
    }

    [Fact]
    public async Task Errors_counts_each_error_event_by_its_kind()
    {
        using var metrics = new MetricRecorder();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, metrics.Options());

        socket.Send("not open");
        socket.Send("still not open");
        await events.WaitForAsync(WebSocketEvent.Error, 2);

        var errors = await metrics.WaitForAsync(Errors, count: 2);
        Assert.All(errors, e => Assert.Equal("send", e.Tag("error.type")));
        Assert.Equal(2, errors.Sum(e => e.Value));
    }

    [Fact]
    public async Task A_connection_on_the_shared_meter_records_nothing_on_a_factory_meter()
    {
        using var metrics = new MetricRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"));

        await socket.OpenAsync();
        await socket.SendAsync("hello", isData: false);
        await socket.CloseAsync();

        Assert.Empty(metrics.Of(ActiveConnections));
        Assert.Empty(metrics.Of(MessageSize));
    }

    private void AssertServerTags(RecordedMeasurement measurement)
    {
        Assert.Equal("127.0.0.1", measurement.Tag("server.address"));
        Assert.Equal(fixture.Server.Port, measurement.Tag("server.port"));
        Assert.Equal("ws", measurement.Tag("url.scheme"));
    }
}
