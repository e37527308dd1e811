using CpWebSocket.Tests.Messaging.Requests;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// A request whose write still waits in the send lane when the connection ends (the peer closes while this side cannot
/// write, or the client is disposed) fails its caller once, and leaves no faulted task unobserved. Runs alone, so the
/// unobserved exceptions it collects are its own.
/// </summary>
public abstract class QueuedRequestTests : TransportTestBase, IClassFixture<TestServerFixture>
{
    private readonly TestServer _server;

    protected QueuedRequestTests(TestServerFixture fixture, TransportKind transport)
        : base(transport) => _server = fixture.Server;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_request_queued_behind_a_stuck_write_when_the_connection_ends_fails_once_and_leaves_nothing_unobserved(bool disposeInstead)
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        await using var proxy = new LoopbackProxy(_server.Port);
        var path = disposeInstead ? "/echo" : "/close?code=1001&delay_ms=300";
        var client = new WorkClient(proxy.Through(_server.WsUri(path)), Options(new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromSeconds(1) }));
        await client.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);

        link.Stall(ProxyDirection.ToServer); // the peer reads nothing more: an 8 MiB send holds the lane
        var blocker = client.SendAsync(new byte[8 * 1024 * 1024]).AsTask();
        var request = client.WorkAsync(new Work(1));
        if (disposeInstead)
        {
            client.Dispose();
        }

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => request.WaitAsync(TestServer.DefaultTimeout));
        Assert.True(failure is WebSocketSendException or WebSocketRequestAbortedException, failure.ToString());
        await Assert.ThrowsAsync<WebSocketSendException>(() => blocker.WaitAsync(TestServer.DefaultTimeout));
        await client.DisposeAsync();

        Assert.Empty(await unobserved.CollectAsync());
    }
}

/// <summary><see cref="QueuedRequestTests"/> over the default transport.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class QueuedRequestTestsOverSockets(TestServerFixture fixture) : QueuedRequestTests(fixture, TransportKind.Sockets);

/// <summary><see cref="QueuedRequestTests"/> over Websocket.Client.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class QueuedRequestTestsOverWebsocketClient(TestServerFixture fixture) : QueuedRequestTests(fixture, TransportKind.WebsocketClient);
