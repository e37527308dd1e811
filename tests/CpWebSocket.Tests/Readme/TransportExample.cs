using CpWebSocket.Tests.Server;
using CpWebSocket.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Websocket.Client;

namespace CpWebSocket.Tests.Readme;

/// <summary>The README's Websocket.Client transport block, run against the echo endpoint.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TransportExample(TestServerFixture fixture)
{
    [Fact]
    public async Task The_Websocket_Client_transport_block_opens_through_the_apps_client()
    {
        var url = fixture.Server.WsUri("/echo");
        ILogger<WebsocketClient> logger = NullLogger<WebsocketClient>.Instance;

        var transport = new WebsocketClientTransport(connect => new WebsocketClient(url, logger, connect) { Name = "feed" });
        await using var feed = new HttpWebSocket(url, options: new HttpWebSocketOptions { Transport = transport });

        await feed.OpenAsync();
        Assert.True(feed.IsOpen);
        Assert.Equal("feed", transport.Client.Name);
        await feed.CloseAsync();
        transport.Client.Dispose();
    }
}
