using System.Net.WebSockets;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>Guard: an inbound message over the limit is refused while it arrives, with 1009 (Websocket.Client has no limit).</summary>
public abstract class MessageSizeLimitTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public void The_default_limit_is_4_MiB()
    {
        Assert.Equal(4 * 1024 * 1024, new HttpWebSocketOptions().MaxMessageSize);
        Assert.Equal(HttpWebSocketOptions.DefaultMaxMessageSize, new HttpWebSocketOptions().MaxMessageSize);
    }

    [Fact]
    public async Task An_oversized_message_is_refused_before_it_is_whole_with_an_error_and_close_1009()
    {
        const int limit = 64 * 1024;
        const int size = 32 * 1024 * 1024;
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/send?kind=oversized&size={size}&tag={tag}"), events.Callback, Options(new HttpWebSocketOptions { MaxMessageSize = limit }));

        await socket.OpenAsync();
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        var error = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.MessageTooLarge, error.Kind);
        Assert.Contains("65536 byte limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, events.Of(WebSocketEvent.Closed).Single().Close!.Value.Status);

        var server = await fixture.Server.WaitForConnectionAsync("/send", TestServer.DefaultTimeout, tag);
        await server.WaitForCloseReceivedAsync(TestServer.DefaultTimeout);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, server.ClientCloseStatus);
        Assert.True(server.BytesSentWhenCloseReceived < size, $"the server had sent {server.BytesSentWhenCloseReceived} of {size} bytes");
    }

    [Fact]
    public async Task A_message_at_the_limit_is_delivered()
    {
        const int limit = 64 * 1024;
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, Options(new HttpWebSocketOptions { MaxMessageSize = limit }));
        await socket.OpenAsync();

        await socket.SendAsync(new byte[limit]);
        await events.WaitForAsync(WebSocketEvent.Message);

        Assert.Equal(limit, events.Of(WebSocketEvent.Message).Single().Data!.Length);
        Assert.True(socket.IsOpen);
    }
}

/// <summary><see cref="MessageSizeLimitTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MessageSizeLimitTestsOverSockets(TestServerFixture fixture) : MessageSizeLimitTests(fixture, TransportKind.Sockets);

/// <summary><see cref="MessageSizeLimitTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MessageSizeLimitTestsOverWebsocketClient(TestServerFixture fixture) : MessageSizeLimitTests(fixture, TransportKind.WebsocketClient);
