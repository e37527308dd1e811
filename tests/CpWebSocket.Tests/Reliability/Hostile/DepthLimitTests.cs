using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// The JSON depth limit is on by default (System.Text.Json's 64) and follows the client's serializer context
/// (<c>[JsonSourceGenerationOptions(MaxDepth = N)]</c>), for the discriminator scan and the deserializer alike:
/// a message exactly at the limit is delivered, one level deeper is an <c>InvalidJson</c> error naming the limit,
/// wherever the nesting stands, and the connection stays open.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class DepthLimitTests(TestServerFixture fixture)
{
    [Theory]
    [InlineData(false, HostileCorpus.DefaultMaxDepth)]
    [InlineData(true, ShallowJsonContext.MaxDepth)]
    public async Task A_message_at_the_depth_limit_is_delivered_and_one_level_deeper_is_an_error(bool shallow, int limit)
    {
        var inbox = new Inbox();
        MessageClient client;
        if (shallow)
        {
            var shallowClient = new ShallowReadingClient(fixture.Server.WsUri("/relay"));
            shallowClient.ReadingReceived += reading => inbox.Add(reading.Sequence);
            client = shallowClient;
        }
        else
        {
            var defaultClient = new ReadingClient(fixture.Server.WsUri("/relay"));
            defaultClient.ReadingReceived += reading => inbox.Add(reading.Sequence);
            client = defaultClient;
        }

        await using var _ = client;
        client.Error += inbox.Add;
        client.Unhandled += message => inbox.Add(message.ToString());
        await client.OpenAsync();

        var deeper = new string('[', limit) + new string(']', limit);
        string[] frames =
        [
            ReadingJson.OfDepth(1, limit),
            ReadingJson.OfDepth(2, limit + 1),                                       // after the discriminator: the deserializer's read
            $$"""{"extra":{{deeper}},"type":"reading","sequence":3}""",              // before it: the scan's read
            $$"""{"type":"unknown","extra":{{deeper}}}""",                          // an unknown discriminator
            $$"""{"type":{{deeper}}}""",                                            // the discriminator itself
            ReadingJson.OfDepth(6, limit),
        ];
        foreach (var frame in frames)
        {
            await client.SendAsync(RelayInstructions.Text(frame));
        }

        var items = await inbox.WaitForAsync(frames.Length);
        Assert.Equal(1L, items[0]);
        foreach (var item in items.Skip(1).Take(4))
        {
            var error = Assert.IsType<WebSocketErrorInfo>(item);
            Assert.Equal(WebSocketErrorKind.InvalidJson, error.Kind);
            Assert.Contains($"maximum configured depth of {limit}", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(6L, items[5]);
        Assert.Equal(frames.Length, inbox.Items.Count);
        Assert.True(client.IsOpen);
    }
}
