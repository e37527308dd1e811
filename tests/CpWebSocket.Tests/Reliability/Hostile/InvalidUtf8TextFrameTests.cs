using System.Net.WebSockets;
using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// A text frame that is not valid UTF-8 is the one bad frame that ends the connection: RFC 6455 (section 8.1)
/// requires the endpoint to fail it, and the socket does, with close code 1007. The failure is reported once, as a
/// protocol error, then the connection is closed.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class InvalidUtf8TextFrameTests(TestServerFixture fixture)
{
    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]                   // a lead byte without its continuation
    [InlineData(new byte[] { 0x80 })]                         // a lone continuation byte
    [InlineData(new byte[] { 0xC0, 0xAF })]                   // an overlong encoding of '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]             // an encoded surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]       // beyond U+10FFFF
    [InlineData(new byte[] { 0x7B, 0x22, 0xFF, 0x22, 0x7D })] // {"\xFF"}
    [InlineData(new byte[] { 0x22, 0xE2, 0x82 })]             // cut in the middle of a character
    public async Task A_text_frame_that_is_not_utf8_fails_the_connection_with_1007_and_one_protocol_error(byte[] invalid)
    {
        var tag = Guid.NewGuid().ToString("N");
        var inbox = new Inbox();
        await using var client = new ReadingClient(fixture.Server.WsUri($"/relay?tag={tag}"));
        client.ReadingReceived += inbox.Add;
        client.Error += inbox.Add;
        client.Unhandled += message => inbox.Add(message.ToString());
        client.Closed += close => inbox.Add(close);
        await client.OpenAsync();

        await client.SendAsync(RelayInstructions.Text(ReadingJson.Flat(1)));
        await inbox.WaitForAsync(1); // delivered while the connection is still open
        await client.SendAsync(RelayInstructions.Text(invalid));

        var items = await inbox.WaitForAsync(3);
        Assert.Equal(1, Assert.IsType<Reading>(items[0]).Sequence);
        Assert.Equal(WebSocketErrorKind.Protocol, Assert.IsType<WebSocketErrorInfo>(items[1]).Kind);
        Assert.IsType<WebSocketCloseInfo>(items[2]);
        Assert.Equal(3, inbox.Items.Count);
        Assert.Equal(WebSocketStatus.Closed, client.Status);

        var server = await fixture.Server.WaitForConnectionAsync("/relay", TestServer.DefaultTimeout, tag);
        await server.WaitForCloseReceivedAsync(TestServer.DefaultTimeout);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, server.ClientCloseStatus);
    }
}
