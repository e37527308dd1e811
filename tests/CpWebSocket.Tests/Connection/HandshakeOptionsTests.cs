using System.Text.Json;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>Request headers and subprotocols reach the server in the opening handshake.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class HandshakeOptionsTests(TestServerFixture fixture)
{
    [Fact]
    public async Task Request_headers_and_subprotocols_are_sent_and_the_accepted_one_is_exposed()
    {
        var options = new HttpWebSocketOptions();
        options.RequestHeaders["Authorization"] = "Bearer token-123";
        options.SubProtocols.Add("chat.v2");
        options.SubProtocols.Add("chat.v1");
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/headers"), events.Callback, options);

        await socket.OpenAsync();
        await events.WaitForAsync(WebSocketEvent.Message);

        using var report = JsonDocument.Parse(events.Of(WebSocketEvent.Message).Single().Text!);
        Assert.Equal("Bearer token-123", report.RootElement.GetProperty("authorization").GetString());
        Assert.Equal(["chat.v2", "chat.v1"], report.RootElement.GetProperty("subprotocols").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("chat.v2", socket.SubProtocol);
    }
}
