using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>Guard: closing against a peer that never answers still ends (Websocket.Client's Stop can wait forever).</summary>
public abstract class CloseTimeoutTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task Close_against_a_silent_peer_reaches_closed_after_the_close_timeout()
    {
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        var socket = new HttpWebSocket(fixture.Server.WsUri($"/silent-close?tag={tag}"), events.Callback, Options(new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromSeconds(1) }));
        await socket.OpenAsync();

        await socket.CloseAsync().WaitAsync(EventRecorder.Timeout);

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        var close = events.Of(WebSocketEvent.Closed).Single().Close!.Value;
        Assert.Null(close.Status); // no answer to our close frame
        var server = await fixture.Server.WaitForConnectionAsync("/silent-close", TestServer.DefaultTimeout, tag);
        Assert.True(server.CloseReceived);
        Assert.False(server.CloseAnswered);
    }

    [Fact]
    public async Task CloseAsync_can_stop_waiting_while_the_close_goes_on()
    {
        var socket = new HttpWebSocket(fixture.Server.WsUri("/silent-close"), options: Options(new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromSeconds(2) }));
        await socket.OpenAsync();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => socket.CloseAsync(cancel.Token));

        Assert.Equal(WebSocketStatus.Closing, socket.Status);
        await socket.CloseAsync().WaitAsync(EventRecorder.Timeout);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }
}

/// <summary><see cref="CloseTimeoutTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CloseTimeoutTestsOverSockets(TestServerFixture fixture) : CloseTimeoutTests(fixture, TransportKind.Sockets);

/// <summary><see cref="CloseTimeoutTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CloseTimeoutTestsOverWebsocketClient(TestServerFixture fixture) : CloseTimeoutTests(fixture, TransportKind.WebsocketClient);
