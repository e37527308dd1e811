using Microsoft.Extensions.Logging;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>The connect timeout and the logger of <see cref="HttpWebSocketOptions"/>.</summary>
public abstract class ConnectionOptionsTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task A_handshake_that_never_finishes_fails_after_the_connect_timeout()
    {
        using var peer = new SilentTcpPeer();
        var events = new EventRecorder();
        var socket = new HttpWebSocket(peer.WsUri, events.Callback, Options(new HttpWebSocketOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) }));

        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync().WaitAsync(EventRecorder.Timeout));

        Assert.StartsWith($"Could not connect to {peer.WsUri}", failure.Message, StringComparison.Ordinal);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Fact]
    public async Task The_logger_hears_the_lifecycle_and_the_errors()
    {
        var logger = new RecordingLogger();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: Options(new HttpWebSocketOptions { Logger = logger }));

        await socket.OpenAsync();
        socket.Send("x");
        await socket.CloseAsync();
        socket.Send("after close");

        var lines = logger.Entries;
        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Text.StartsWith("Opening ws://", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Text.StartsWith("Opened ws://", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Text.StartsWith("Closed ws://", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Text.Contains("Send error", StringComparison.Ordinal));
    }
}

/// <summary><see cref="ConnectionOptionsTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ConnectionOptionsTestsOverSockets(TestServerFixture fixture) : ConnectionOptionsTests(fixture, TransportKind.Sockets);

/// <summary><see cref="ConnectionOptionsTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ConnectionOptionsTestsOverWebsocketClient(TestServerFixture fixture) : ConnectionOptionsTests(fixture, TransportKind.WebsocketClient);
