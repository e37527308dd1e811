using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// The peer's answer to our close frame never arrives because the route stalls after the handshake (the server itself
/// answers; <c>Connection/CloseTimeoutTests</c> covers a server that does not): the connection still reaches
/// <see cref="WebSocketStatus.Closed"/> within <see cref="HttpWebSocketOptions.CloseTimeout"/>, also when sends are stuck
/// in front of the close, and when it was disposed without waiting.
/// </summary>
public abstract class CloseUnansweredTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    private static HttpWebSocketOptions ShortCloseTimeout => new() { CloseTimeout = TimeSpan.FromSeconds(1) };

    private async Task<(HttpWebSocket Socket, EventRecorder Events, ProxyLink Link)> OpenThroughAsync(LoopbackProxy proxy, string path)
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(proxy.Through(fixture.Server.WsUri(path)), events.Callback, Options(ShortCloseTimeout));
        events.Socket = socket;
        await socket.OpenAsync();
        return (socket, events, await proxy.WaitForLinkAsync(TestServer.DefaultTimeout));
    }

    [Fact]
    public async Task A_close_whose_answer_is_held_back_reaches_Closed_after_the_close_timeout()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var tag = Guid.NewGuid().ToString("N");
        var (socket, events, link) = await OpenThroughAsync(proxy, $"/echo?tag={tag}");
        await using var _ = socket;
        var server = await fixture.Server.WaitForConnectionAsync("/echo", TestServer.DefaultTimeout, tag);

        link.Stall(ProxyDirection.ToClient);
        await socket.CloseAsync().WaitAsync(TestServer.DefaultTimeout);

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false), events.Of(WebSocketEvent.Closed).Single().Close);

        // The server got our close frame and answered it; only the route lost the answer.
        await server.WaitUntilAsync(log => log.CloseAnswered, TestServer.DefaultTimeout, "the server's answer to the close frame");
    }

    [Fact]
    public async Task A_close_queued_behind_sends_stuck_on_a_stalled_route_reaches_Closed_and_fails_those_sends()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var (socket, events, link) = await OpenThroughAsync(proxy, "/record");
        await using var _ = socket;

        // Far more than the TCP buffers between the client and the stalled proxy hold: the sends cannot all finish.
        link.Stall(ProxyDirection.Both);
        var payload = new byte[1024 * 1024];
        var sends = Enumerable.Range(0, 32).Select(_ => socket.SendAsync(payload).AsTask()).ToArray();
        await socket.CloseAsync().WaitAsync(TestServer.DefaultTimeout);

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        try
        {
            await Task.WhenAll(sends).WaitAsync(TestServer.DefaultTimeout); // a TimeoutException here: a send hangs
        }
        catch (WebSocketSendException)
        {
            // Checked below, send by send.
        }

        Assert.All(sends.Where(send => send.IsFaulted), send => Assert.IsType<WebSocketSendException>(send.Exception!.InnerException));
        Assert.Contains(sends, send => send.IsFaulted);
    }

    [Fact]
    public async Task Dispose_without_waiting_against_a_stalled_route_still_reaches_Closed_once()
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var (socket, events, link) = await OpenThroughAsync(proxy, "/echo");

        link.Stall(ProxyDirection.Both);
        socket.Dispose();
        Assert.Equal(WebSocketStatus.Closing, socket.Status);
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        Assert.Throws<ObjectDisposedException>(() => socket.Open());
    }
}

/// <summary><see cref="CloseUnansweredTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CloseUnansweredTestsOverSockets(TestServerFixture fixture) : CloseUnansweredTests(fixture, TransportKind.Sockets);

/// <summary><see cref="CloseUnansweredTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CloseUnansweredTestsOverWebsocketClient(TestServerFixture fixture) : CloseUnansweredTests(fixture, TransportKind.WebsocketClient);
