using System.Net.WebSockets;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>A close started by the peer moves the status to Closing at once, is answered, and the Closed event carries its code and reason.</summary>
public abstract class PeerCloseTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    private async Task<(EventRecorder Events, ServerConnectionLog Server)> CloseFromPeerAsync(int after)
    {
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        var socket = new HttpWebSocket(fixture.Server.WsUri($"/close?code=4001&reason=bye&after={after}&tag={tag}"), events.Callback, Options());
        events.Socket = socket;

        socket.Open();
        for (var i = 0; i < after; i++)
        {
            await events.WaitForAsync(WebSocketEvent.Opened);
            socket.Send("before the close", isData: false);
        }

        await events.WaitForAsync(WebSocketEvent.Closed);
        var server = await fixture.Server.WaitForConnectionAsync("/close", TestServer.DefaultTimeout, tag);
        await server.WaitForCompletionAsync(TestServer.DefaultTimeout);
        return (events, server);
    }

    [Fact]
    public async Task A_close_from_the_peer_is_answered_and_reported_with_its_code_and_reason()
    {
        var (events, server) = await CloseFromPeerAsync(after: 1);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(WebSocketStatus.Closing, events.Of(WebSocketEvent.Closing).Single().StatusDuringCallback); // left Open as the close frame arrived
        var close = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.Equal((WebSocketCloseStatus)4001, close.Status);
        Assert.Equal("bye", close.Description);
        Assert.True(close.ByPeer);
        Assert.Equal((WebSocketCloseStatus)4001, server.ClientCloseStatus); // the answer echoes the code
    }

    [Fact]
    public async Task A_close_from_the_peer_right_after_the_handshake_is_answered()
    {
        // The close frame can arrive with the handshake's answer, before the connection counts as open; a few rounds
        // make that race likely.
        for (var round = 0; round < 10; round++)
        {
            var (events, server) = await CloseFromPeerAsync(after: 0);

            Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
            Assert.Equal((WebSocketCloseStatus)4001, events.Of(WebSocketEvent.Closed).Single().Close!.Value.Status);
            Assert.Equal((WebSocketCloseStatus)4001, server.ClientCloseStatus);
        }
    }
}

/// <summary><see cref="PeerCloseTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class PeerCloseTestsOverSockets(TestServerFixture fixture) : PeerCloseTests(fixture, TransportKind.Sockets);

/// <summary><see cref="PeerCloseTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class PeerCloseTestsOverWebsocketClient(TestServerFixture fixture) : PeerCloseTests(fixture, TransportKind.WebsocketClient);
