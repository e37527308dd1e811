using System.Net.WebSockets;
using CpWebSocket.Transport;
using CpWebSocket.Transport.Sockets;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// The lifecycle's guarantees under the interleavings that broke them before the state machine: dispose racing open,
/// a close behind queued sends, a close whose caller's handler reopens, the peer closing while this side cannot answer,
/// and what arrives during the close handshake. Against Kestrel, through the TCP proxy where the route must stall.
/// </summary>
public abstract class LifecycleGuaranteeTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    private TestServer Server => fixture.Server;

    private (HttpWebSocket Socket, EventRecorder Events) Connect(Uri url, HttpWebSocketOptions? options = null)
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(url, events.Callback, Options(options));
        events.Socket = socket;
        return (socket, events);
    }

    [Fact]
    public async Task A_Closed_handler_that_reopens_during_DisposeAsync_is_refused_and_nothing_is_raised_after_dispose()
    {
        var (socket, events) = Connect(Server.WsUri("/echo"));
        socket.Closed += _ => socket.Open();
        await socket.OpenAsync();

        await socket.DisposeAsync().AsTask().WaitAsync(TestServer.DefaultTimeout);
        var raised = events.Events.Count;
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        Assert.Equal(raised, events.Events.Count);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.False(socket.IsOpen);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed, WebSocketEvent.Error], events.Kinds);
        var refused = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.Callback, refused.Kind);
        Assert.IsType<ObjectDisposedException>(refused.Exception);
    }

    [Fact]
    public async Task A_Close_during_the_ending_of_a_failed_connect_ends_that_cycle_once_and_a_reopened_cycle_opens_from_Opening()
    {
        // The first connect fails, and while its ending is under way (its lifetime is being cancelled) the app calls
        // Close(): the cycle must end once, so the Closed handler's reopen is the only cycle left and opens from Opening.
        HttpWebSocket? socket = null;
        var transport = new FailFirstConnectTransport(Options().Transport ?? SocketsWebSocketTransport.Default, () => socket!.Close());
        var events = new EventRecorder();
        socket = new HttpWebSocket(Server.WsUri("/echo"), events.Callback, new HttpWebSocketOptions { Transport = transport });
        events.Socket = socket;
        var reopened = 0;
        socket.Closed += _ =>
        {
            if (Interlocked.Increment(ref reopened) == 1)
            {
                socket.Open();
            }
        };

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Opened).WaitAsync(TestServer.DefaultTimeout);
        await socket.DisposeAsync();

        Assert.Equal(
            [WebSocketEvent.Opening, WebSocketEvent.Error, WebSocketEvent.Closed, WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed],
            events.Kinds);
    }

    /// <summary>Fails the first connect, calling <c>onAbandon</c> from inside the attempt's cancellation; then connects through <c>inner</c>.</summary>
    private sealed class FailFirstConnectTransport(WebSocketTransport inner, Action onAbandon) : WebSocketTransport
    {
        private int _attempts;

        public override async ValueTask<WebSocket> ConnectAsync(WebSocketConnectContext context, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) > 1)
            {
                return await inner.ConnectAsync(context, cancellationToken);
            }

            // The ending of the failed attempt cancels its token: the app's Close() then runs in the middle of that ending.
            cancellationToken.UnsafeRegister(static state => ((Action)state!)(), onAbandon);
            await Task.Yield();
            throw new WebSocketException(WebSocketError.Faulted, "the first connect fails");
        }
    }

    [Fact]
    public async Task Open_racing_DisposeAsync_from_another_thread_never_leaves_a_disposed_connection_open()
    {
        const int rounds = 100;
        var tag = Guid.NewGuid().ToString("N");
        for (var round = 0; round < rounds; round++)
        {
            var socket = new HttpWebSocket(Server.WsUri($"/echo?tag={tag}"), options: Options());
            await socket.OpenAsync();
            using var stop = new CancellationTokenSource();
            var racer = Task.Factory.StartNew(
                () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        if (socket.Status == WebSocketStatus.Closed)
                        {
                            try
                            {
                                socket.Open();
                            }
                            catch (ObjectDisposedException)
                            {
                                return; // refused: the connection is disposed
                            }
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);

            await socket.DisposeAsync().AsTask().WaitAsync(TestServer.DefaultTimeout);
            await stop.CancelAsync();
            await racer.WaitAsync(TestServer.DefaultTimeout);

            Assert.Equal(WebSocketStatus.Closed, socket.Status);
            Assert.False(socket.IsOpen);
            Assert.Throws<ObjectDisposedException>(() => socket.Open());
        }

        // No disposed client kept a connection: the server saw every one of them end.
        foreach (var connection in Server.Events.Connections.Where(c => c.Tag == tag))
        {
            await connection.WaitForCompletionAsync(TestServer.DefaultTimeout);
        }
    }

    [Fact]
    public async Task Sends_accepted_before_Close_are_written_before_the_close_frame_even_when_they_had_to_queue()
    {
        const int count = 200;
        var tag = Guid.NewGuid().ToString("N");
        var (socket, events) = Connect(Server.WsUri($"/record?tag={tag}"));
        await using var _ = socket;
        await socket.OpenAsync();
        var payload = new byte[64 * 1024];

        for (var i = 0; i < count; i++)
        {
            payload[0] = (byte)i;
            socket.Send(payload);
        }

        socket.Close();
        await events.WaitForAsync(WebSocketEvent.Closed);

        var server = await Server.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        await server.WaitForCloseReceivedAsync(TestServer.DefaultTimeout);
        Assert.Equal(count, server.MessageCount);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (byte)i), server.Messages.Select(m => m.Data.Span[0]));
        Assert.Empty(events.Of(WebSocketEvent.Error));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, events.Of(WebSocketEvent.Closed).Single().Close!.Value.Status);
    }

    [Fact]
    public async Task CloseAsync_completes_once_its_own_closure_ended_even_when_a_Closed_handler_reopens()
    {
        var (socket, events) = Connect(Server.WsUri("/echo"));
        await using var _ = socket;
        var first = true;
        socket.Closed += _ =>
        {
            if (first)
            {
                first = false;
                socket.Open();
            }
        };

        socket.Open();
        await socket.CloseAsync().WaitAsync(TestServer.DefaultTimeout); // still opening: Closed at once, and the handler opens again

        Assert.Equal(WebSocketEvent.Closed, events.Kinds[1]);
        await events.WaitForAsync(WebSocketEvent.Opened);
        await socket.CloseAsync().WaitAsync(TestServer.DefaultTimeout);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task The_peers_close_frame_moves_the_status_to_Closing_at_once_even_while_the_answer_cannot_be_written()
    {
        await using var proxy = new LoopbackProxy(Server.Port);
        var options = new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromSeconds(30) };
        var (socket, events) = Connect(proxy.Through(Server.WsUri("/close?code=1001&reason=going&delay_ms=300")), options);
        await using var _ = socket;
        await socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);

        // The peer stops reading: a large send fills the route and holds the lane, so the answer to its close must wait.
        link.Stall(ProxyDirection.ToServer);
        var blocked = socket.SendAsync(new byte[8 * 1024 * 1024]).AsTask();
        await events.WaitForAsync(WebSocketEvent.Closing);

        Assert.Equal(WebSocketStatus.Closing, socket.Status);
        Assert.False(socket.IsOpen);
        var refused = await Assert.ThrowsAsync<WebSocketSendException>(() => socket.SendAsync("after the peer's close").AsTask());
        Assert.Contains("the status is Closing", refused.Message, StringComparison.Ordinal);
        socket.Close(); // the peer started the close: this one changes nothing

        link.Resume(ProxyDirection.ToServer);
        await blocked.WaitAsync(TestServer.DefaultTimeout);
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(new WebSocketCloseInfo(WebSocketCloseStatus.EndpointUnavailable, "going", ByPeer: true, WillReconnect: false), events.Of(WebSocketEvent.Closed).Single().Close);
    }

    [Theory]
    [InlineData("oversized", WebSocketErrorKind.MessageTooLarge)]
    [InlineData("invalid-utf8", WebSocketErrorKind.Protocol)]
    public async Task What_arrives_during_the_close_handshake_is_reported_a_bad_frame_included(string bad, WebSocketErrorKind refusal)
    {
        var (socket, events) = Connect(Server.WsUri($"/late?count=6&bad={bad}&size={1024 * 1024}"), new HttpWebSocketOptions { MaxMessageSize = 64 * 1024 });
        await using var _ = socket;
        await socket.OpenAsync();

        socket.Close();
        await events.WaitForAsync(WebSocketEvent.Closed);

        WebSocketEvent[] expected = [WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, .. Enumerable.Repeat(WebSocketEvent.Error, 7), WebSocketEvent.Closed];
        Assert.True(expected.SequenceEqual(events.Kinds), string.Join(", ", events.Events.Select(e => e.Event == WebSocketEvent.Error ? $"{e.Error!.Kind}: {e.Error.Message}" : e.ToString())));
        var errors = events.Of(WebSocketEvent.Error).Select(e => e.Error!).ToArray();
        Assert.All(errors[..6], e => Assert.Equal(WebSocketErrorKind.MessageWhileNotOpen, e.Kind));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"late {i}"), errors[..6].Select(e => e.RawText));
        Assert.Equal(refusal, errors[6].Kind);
        Assert.False(events.Of(WebSocketEvent.Closed).Single().Close!.Value.ByPeer);
    }

    [Fact]
    public async Task Every_send_before_Close_reaches_the_peer_or_is_reported_when_the_peer_slips_in_an_oversized_frame()
    {
        const int sends = 12;
        var tag = Guid.NewGuid().ToString("N");
        var (socket, events) = Connect(Server.WsUri($"/echo?slip_after=4&slip_size=300000&tag={tag}"), new HttpWebSocketOptions { MaxMessageSize = 256 * 1024 });
        await using var _ = socket;
        await socket.OpenAsync();

        for (var i = 0; i < sends; i++)
        {
            socket.Send(new byte[64 * 1024]);
        }

        socket.Close();
        await events.WaitForAsync(WebSocketEvent.Closed);
        var server = await Server.WaitForConnectionAsync("/echo", TestServer.DefaultTimeout, tag);
        await server.WaitForCompletionAsync(TestServer.DefaultTimeout);

        var echoes = events.Events.Count(e => e.Event == WebSocketEvent.Message || e.Error?.Kind == WebSocketErrorKind.MessageWhileNotOpen);
        var notSent = events.Of(WebSocketEvent.Error).Count(e => e.Error!.Kind == WebSocketErrorKind.Send);
        Assert.Equal(4, echoes);
        Assert.Single(events.Of(WebSocketEvent.Error), e => e.Error!.Kind == WebSocketErrorKind.MessageTooLarge);
        var described = string.Join(", ", events.Events.Select(e => e.Event == WebSocketEvent.Error ? $"{e.Error!.Kind}:{e.Error.Message}" : e.ToString()));
        Assert.True(sends == server.MessageCount + notSent, $"server {server.MessageCount}, not sent {notSent}: {described}");

        // Closed is the last event of its cycle: the cycle's failures come before it. The peer's frame may end the cycle
        // while the sends are still being made; those come after it, refused because the status is Closed.
        var closed = events.Kinds.ToList().IndexOf(WebSocketEvent.Closed);
        Assert.True(
            events.Events.Skip(closed + 1).All(e => e.Error is { Kind: WebSocketErrorKind.Send } error && error.Message.EndsWith("the status is Closed.", StringComparison.Ordinal)),
            $"after Closed: {described}");
    }
}

/// <summary><see cref="LifecycleGuaranteeTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class LifecycleGuaranteeTestsOverSockets(TestServerFixture fixture) : LifecycleGuaranteeTests(fixture, TransportKind.Sockets);

/// <summary><see cref="LifecycleGuaranteeTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class LifecycleGuaranteeTestsOverWebsocketClient(TestServerFixture fixture) : LifecycleGuaranteeTests(fixture, TransportKind.WebsocketClient);
