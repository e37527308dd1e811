using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.Shapes;

/// <summary>
/// A received message that lacks a member its record declares non-nullable (absent or null) is a Deserialization
/// error naming the member's path, not a record with a null or zero in it; members declared nullable or with a default
/// may be absent; and a present zero is not mistaken for a missing value. Against the Kestrel <c>/echo</c> endpoint.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ShapeCheckTests(TestServerFixture fixture)
{
    private const string Complete = """{"type":"reading","sensor":"s1","count":2,"where":{"room":"lab","level":0.5},"samples":[{"at":1,"value":0.25}]}""";

    [Fact]
    public async Task A_complete_message_with_zeros_and_without_its_optional_members_is_delivered()
    {
        var (readings, errors) = await ReceiveAsync(
            """{"type":"reading","sensor":"s1","count":0,"where":{"room":"lab","level":0},"samples":[{"at":0,"value":0}]}""");

        var reading = Assert.Single(readings);
        Assert.Equal(new Reading("s1", 0, new Location("lab", 0), reading.Samples, null), reading);
        Assert.Equal([new Sample(0, 0)], reading.Samples);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{"type":"reading","count":2,"where":{"room":"lab","level":0.5},"samples":[]}""", "sensor")]
    [InlineData("""{"type":"reading","sensor":null,"count":2,"where":{"room":"lab","level":0.5},"samples":[]}""", "sensor")]
    [InlineData("""{"type":"reading","sensor":"s1","where":{"room":"lab","level":0.5},"samples":[]}""", "count")]
    [InlineData("""{"type":"reading","sensor":"s1","count":2,"where":{"room":"lab"},"samples":[]}""", "where.level")]
    [InlineData("""{"type":"reading","sensor":"s1","count":2,"where":{"room":"lab","level":1},"samples":[{"at":1,"value":2},{"value":3}]}""", "samples[1].at")]
    [InlineData("""{"type":"reading","sensor":"s1","count":2,"where":{"room":"lab","level":1}}""", "samples")]
    public async Task A_message_lacking_a_required_member_is_a_deserialization_error_naming_its_path_and_the_next_one_arrives(string json, string missing)
    {
        var (readings, errors) = await ReceiveAsync(json, Complete);

        var error = Assert.Single(errors);
        Assert.Equal(WebSocketErrorKind.Deserialization, error.Kind);
        Assert.Contains($"it lacks '{missing}' (absent or null), which CpWebSocket.Tests.Messaging.Shapes.Reading declares non-nullable", error.Message, StringComparison.Ordinal);
        Assert.Contains("declare the member nullable, or give it a default value", error.Message, StringComparison.Ordinal);
        Assert.Equal(json, error.RawText);
        Assert.Equal("s1", Assert.Single(readings).Sensor);
    }

    /// <summary>Sends the messages through the echo endpoint; the last one must be delivered.</summary>
    private async Task<(IReadOnlyList<Reading> Readings, IReadOnlyList<WebSocketErrorInfo> Errors)> ReceiveAsync(params string[] messages)
    {
        var readings = new Inbox();
        var errors = new List<WebSocketErrorInfo>();
        await using var client = new ReadingEchoClient(fixture.Server.WsUri("/echo"));
        client.ReadingReceived += readings.Add;
        client.Error += errors.Add;
        await client.OpenAsync();

        foreach (var message in messages)
        {
            await client.SendAsync(message, isData: false);
        }

        // The last message is complete: once it arrived, every earlier one has had its outcome (events keep their order).
        await readings.WaitForAsync(1);
        return ([.. readings.Items.Cast<Reading>()], errors);
    }
}
