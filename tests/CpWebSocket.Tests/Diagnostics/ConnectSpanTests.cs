using System.Diagnostics;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Diagnostics;

/// <summary>The <c>WebSocket connect</c> span of each connection attempt, over real connections to Kestrel.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ConnectSpanTests(TestServerFixture fixture)
{
    [Fact]
    public async Task A_connect_is_a_client_span_under_the_callers_activity_with_the_server_and_a_redacted_url()
    {
        using var spans = new ActivityRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo?token=secret&tag=x"));

        await socket.OpenAsync();

        var connect = await spans.WaitForAsync(a => a.OperationName == "WebSocket connect");
        Assert.Equal(ActivityKind.Client, connect.Kind);
        Assert.Equal(spans.Root.SpanId, connect.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, connect.Status);
        Assert.Equal("127.0.0.1", connect.GetTagItem("server.address"));
        Assert.Equal(fixture.Server.Port, connect.GetTagItem("server.port"));
        Assert.Equal($"ws://127.0.0.1:{fixture.Server.Port}/echo?token=*&tag=*", connect.GetTagItem("url.full"));
        Assert.Equal(0, connect.GetTagItem("cpwebsocket.connect.attempt"));
        Assert.Null(connect.GetTagItem("error.type"));
    }

#if NET9_0_OR_GREATER
    [Fact]
    public async Task The_handshakes_http_span_nests_under_the_connect_span()
    {
        using var spans = new ActivityRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"));

        await socket.OpenAsync();

        var connect = await spans.WaitForAsync(a => a.OperationName == "WebSocket connect");
        var http = await spans.WaitForAsync(a => a.Source.Name == "System.Net.Http");
        Assert.Equal(connect.SpanId, http.ParentSpanId);
    }
#endif

    [Fact]
    public async Task The_accepted_subprotocol_is_on_the_connect_span()
    {
        using var spans = new ActivityRecorder();
        var options = new HttpWebSocketOptions();
        options.SubProtocols.Add("chat.v2");
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/headers"), options: options);

        await socket.OpenAsync();

        var connect = await spans.WaitForAsync(a => a.OperationName == "WebSocket connect");
        Assert.Equal("chat.v2", connect.GetTagItem("cpwebsocket.subprotocol"));
    }

    [Fact]
    public async Task A_failed_connect_span_has_an_error_status_its_error_type_and_the_exception()
    {
        using var spans = new ActivityRecorder();
        await using var socket = new HttpWebSocket(TestServer.RefusedWsUri());

        await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync());

        var connect = await spans.WaitForAsync(a => a.OperationName == "WebSocket connect");
        Assert.Equal(ActivityStatusCode.Error, connect.Status);
        Assert.Equal("connection_error", connect.GetTagItem("error.type"));
        Assert.Contains(connect.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task A_reconnect_is_a_span_of_its_own_trace_with_its_attempt_number()
    {
        using var spans = new ActivityRecorder(roots: true);
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions
        {
            Reconnect = new ReconnectPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/drop?after=1"), events.Callback, options);
        await socket.OpenAsync();

        socket.Send("drop me");
        await events.WaitForAsync(WebSocketEvent.Opened, 2);

        var reconnect = await spans.WaitForAsync(a =>
            a.OperationName == "WebSocket connect" && Equals(a.GetTagItem("server.port"), fixture.Server.Port) && Equals(a.GetTagItem("cpwebsocket.connect.attempt"), 1));
        Assert.Equal(default, reconnect.ParentSpanId);
        Assert.NotEqual(spans.Root.TraceId, reconnect.TraceId);
    }
}
