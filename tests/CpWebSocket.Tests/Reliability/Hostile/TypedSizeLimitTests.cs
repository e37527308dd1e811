using System.Net.WebSockets;
using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// The inbound size limit guards typed clients too, on by default (4 MiB) and configurable: a JSON message of
/// exactly the limit is delivered; one byte more is refused with <c>MessageTooLarge</c> and the connection closes
/// with 1009. (<c>MessageSizeLimitTests</c> covers the raw lane and refusing before the message is whole.)
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TypedSizeLimitTests(TestServerFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData(64 * 1024)]
    public async Task A_message_at_the_limit_is_delivered_and_one_byte_more_closes_with_1009(int? configuredLimit)
    {
        var limit = configuredLimit ?? HttpWebSocketOptions.DefaultMaxMessageSize;
        var options = new HttpWebSocketOptions();
        if (configuredLimit is { } configured)
        {
            options.MaxMessageSize = configured;
        }

        var tag = Guid.NewGuid().ToString("N");
        var inbox = new Inbox();
        await using var client = new ReadingClient(fixture.Server.WsUri($"/relay?tag={tag}"), options);
        client.ReadingReceived += reading => inbox.Add(reading.Sequence);
        client.Error += inbox.Add;
        client.Closed += close => inbox.Add(close);
        await client.OpenAsync();

        await client.SendAsync(RelayInstructions.Text(ReadingJson.OfSize(1, limit)));
        await inbox.WaitForAsync(1); // delivered while the connection is still open
        await client.SendAsync(RelayInstructions.Text(ReadingJson.OfSize(2, limit + 1)));

        var items = await inbox.WaitForAsync(3);
        Assert.Equal(1L, items[0]);
        var error = Assert.IsType<WebSocketErrorInfo>(items[1]);
        Assert.Equal(WebSocketErrorKind.MessageTooLarge, error.Kind);
        Assert.Contains($"{limit} byte limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, Assert.IsType<WebSocketCloseInfo>(items[2]).Status);

        var server = await fixture.Server.WaitForConnectionAsync("/relay", TestServer.DefaultTimeout, tag);
        await server.WaitForCloseReceivedAsync(TestServer.DefaultTimeout);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, server.ClientCloseStatus);
    }
}
