using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// The TCP connection under the websocket fails while messages flow: a reset (RST), or a FIN from the server side with
/// no close frame. The client talks to Kestrel through a <see cref="LoopbackProxy"/> that does the damage.
/// </summary>
public abstract class TcpFaultTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    private (HttpWebSocket Socket, EventRecorder Events) Connect(Uri url, HttpWebSocketOptions? options = null)
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(url, events.Callback, Options(options));
        events.Socket = socket;
        return (socket, events);
    }

    private static Task WaitForTicksAsync(EventRecorder events, int count) =>
        events.WaitUntilAsync(e => e.Count(x => x.Event == WebSocketEvent.Message) >= count, $"{count} messages from the server");

    /// <summary>The events after <see cref="WebSocketEvent.Opened"/>, messages left out.</summary>
    private static RecordedEvent[] LifecycleAfterOpened(EventRecorder events) =>
        events.Events.SkipWhile(e => e.Event != WebSocketEvent.Opened).Skip(1).Where(e => e.Event != WebSocketEvent.Message).ToArray();

    [Fact]
    public async Task A_reset_mid_stream_reports_the_lost_connection_as_Error_then_Closed()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var (socket, events) = Connect(proxy.Through(fixture.Server.WsUri("/stream?interval_ms=2")));
        await using var _ = socket;
        await socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);
        await WaitForTicksAsync(events, 10);

        link.Reset();
        await events.WaitForAsync(WebSocketEvent.Closed);

        var after = LifecycleAfterOpened(events);
        Assert.Equal([WebSocketEvent.Error, WebSocketEvent.Closed], after.Select(e => e.Event));
        Assert.Equal(WebSocketErrorKind.ConnectionLost, after[0].Error!.Kind);
        Assert.StartsWith($"The connection to {socket.Url} was lost: ", after[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new WebSocketCloseInfo(null, null, ByPeer: true, WillReconnect: false), after[1].Close);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.False(socket.IsOpen);
    }

    [Fact]
    public async Task A_FIN_without_a_close_frame_reports_Error_then_Closed_and_the_client_lets_go_of_the_connection()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var (socket, events) = Connect(proxy.Through(fixture.Server.WsUri("/stream?interval_ms=2")));
        await using var _ = socket;
        await socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);
        await WaitForTicksAsync(events, 10);

        await link.HalfCloseAsync();
        await events.WaitForAsync(WebSocketEvent.Closed);

        var after = LifecycleAfterOpened(events);
        Assert.Equal([WebSocketEvent.Error, WebSocketEvent.Closed], after.Select(e => e.Event));
        Assert.Equal(WebSocketErrorKind.ConnectionLost, after[0].Error!.Kind);
        Assert.Contains("without completing the close handshake", after[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new WebSocketCloseInfo(null, null, ByPeer: true, WillReconnect: false), after[1].Close);

        // The client closed its side too: the proxy saw its end of stream and both sockets are gone.
        await link.Completion.WaitAsync(TestServer.DefaultTimeout);
    }

    [Fact]
    public async Task A_reset_during_the_opening_handshake_fails_the_open_with_Error_then_Closed()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port) { StalledOnConnect = ProxyDirection.ToClient };
        var (socket, events) = Connect(proxy.Through(fixture.Server.WsUri("/echo")));
        await using var _ = socket;
        var opening = socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);
        await fixture.Server.Events.WaitForConnectionAsync("/echo", TestServer.DefaultTimeout); // the server accepted; its answer is held

        link.Reset();

        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => opening.WaitAsync(TestServer.DefaultTimeout));
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(WebSocketErrorKind.Connect, events.Of(WebSocketEvent.Error).Single().Error!.Kind);
        Assert.Contains($"Could not connect to {socket.Url}", failure.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task A_reset_during_the_close_handshake_ends_it_at_once_with_Closed_and_no_error()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        // A close timeout far beyond the wait below: only the reset can end this close in time.
        var (socket, events) = Connect(proxy.Through(fixture.Server.WsUri("/echo")), new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromMinutes(5) });
        await using var _ = socket;
        await socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);
        link.Stall(ProxyDirection.ToClient);

        var closing = socket.CloseAsync();
        Assert.Equal(WebSocketStatus.Closing, socket.Status);
        link.Reset();
        await closing.WaitAsync(TestServer.DefaultTimeout);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        Assert.False(events.Of(WebSocketEvent.Closed).Single().Close!.Value.WillReconnect);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task Delayed_traffic_arrives_complete_and_in_order()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port) { Delay = TimeSpan.FromMilliseconds(20) };
        var (socket, events) = Connect(proxy.Through(fixture.Server.WsUri("/echo")));
        await using var _ = socket;
        await socket.OpenAsync();
        var sent = Enumerable.Range(0, 50).Select(i => $"message {i}").ToArray();

        foreach (var (text, i) in sent.Select((text, i) => (text, i)))
        {
            socket.Send(text, isData: i % 2 == 0);
        }

        await events.WaitForAsync(WebSocketEvent.Message, sent.Length);
        Assert.Equal(sent, events.Of(WebSocketEvent.Message).Select(m => m.Text));
        Assert.Equal(
            sent.Select((_, i) => i % 2 == 0 ? WebSocketMessageKind.Binary : WebSocketMessageKind.Text),
            events.Of(WebSocketEvent.Message).Select(m => m.Kind!.Value));
        Assert.Empty(events.Of(WebSocketEvent.Error));
    }

    [Fact]
    public async Task Messages_that_arrived_before_a_reset_are_delivered_before_its_Error_and_Closed()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        await using var client = new FlatEchoClient(proxy.Through(fixture.Server.WsUri("/echo")), Options());
        var order = new List<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.OnNote(async (note, _) =>
        {
            if (note.Count == 1)
            {
                await gate.Task; // holds back every later event while more arrives and the connection fails
            }

            lock (order)
            {
                order.Add($"note {note.Count}");
            }
        });
        client.Error += e =>
        {
            lock (order)
            {
                order.Add($"error {e.Kind}");
            }
        };
        client.Closed += _ => closed.TrySetResult();
        await client.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);

        await client.SendAsync(new Note("n", 1));
        await client.SendAsync(new Note("n", 2));
        var echoed = link.BytesToServer;
        while (link.BytesToClient < echoed - 16)
        {
            await Task.Delay(10); // both echoes on their way to the client (its frames are up to 8 bytes shorter each)
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // read off the socket and queued behind the first note's handler
        link.Reset();
        while (client.Status != WebSocketStatus.Closed)
        {
            await Task.Delay(10);
        }

        gate.SetResult();
        await closed.Task.WaitAsync(TestServer.DefaultTimeout);

        Assert.Equal(["note 1", "note 2", "error ConnectionLost"], order);
    }
}

/// <summary><see cref="TcpFaultTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TcpFaultTestsOverSockets(TestServerFixture fixture) : TcpFaultTests(fixture, TransportKind.Sockets);

/// <summary><see cref="TcpFaultTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TcpFaultTestsOverWebsocketClient(TestServerFixture fixture) : TcpFaultTests(fixture, TransportKind.WebsocketClient);
