using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// A connection that ends cleanly, by the server's close frame or by ours, logs nothing at error level: the transport
/// underneath (<c>Websocket.Client</c>) is not disposed while it still handles the close, which makes it log a failure.
/// That is a race, so each test runs many rounds.
/// </summary>
public abstract class CleanEndingLogTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    private const int Rounds = 40;

    [Fact]
    public async Task A_close_started_by_the_server_logs_no_error()
    {
        var logger = new RecordingLogger();
        for (var round = 0; round < Rounds; round++)
        {
            var events = new EventRecorder();
            await using var socket = new HttpWebSocket(fixture.Server.WsUri("/close?code=4001&reason=bye&after=1"), events.Callback, Options(new HttpWebSocketOptions { Logger = logger }));
            await socket.OpenAsync();

            socket.Send("last");
            await events.WaitForAsync(WebSocketEvent.Closed);

            Assert.Equal((System.Net.WebSockets.WebSocketCloseStatus)4001, events.Of(WebSocketEvent.Closed).Single().Close!.Value.Status);
        }

        await AssertNoErrorLoggedAsync(logger);
    }

    [Fact]
    public async Task A_close_started_by_the_client_logs_no_error()
    {
        var logger = new RecordingLogger();
        for (var round = 0; round < Rounds; round++)
        {
            var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: Options(new HttpWebSocketOptions { Logger = logger }));
            await socket.OpenAsync();
            await socket.SendAsync("last");

            await socket.DisposeAsync();
            Assert.Equal(WebSocketStatus.Closed, socket.Status);
        }

        await AssertNoErrorLoggedAsync(logger);
    }

    /// <summary>The transport finishes its part shortly after the Closed event: give it a moment, then look.</summary>
    private static async Task AssertNoErrorLoggedAsync(RecordingLogger logger)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(logger.Entries, entry => entry.Level >= LogLevel.Error);
    }
}

/// <summary><see cref="CleanEndingLogTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CleanEndingLogTestsOverSockets(TestServerFixture fixture) : CleanEndingLogTests(fixture, TransportKind.Sockets);

/// <summary><see cref="CleanEndingLogTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CleanEndingLogTestsOverWebsocketClient(TestServerFixture fixture) : CleanEndingLogTests(fixture, TransportKind.WebsocketClient);
