using CpWebSocket.Tests.Messaging.Codec.Fixtures;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// A message that names its discriminator (or payload) property twice is refused, however the second is spelled:
/// which one counts would be a guess, and a proxy or server that reads JSON differently could guess the other
/// way. The fast path of flat messages, which stops reading at the discriminator, does not let one slip through.
/// </summary>
public sealed class AmbiguousEnvelopeTests
{
    private static CodecClient FlatClient()
    {
        var protocol = CodecProtocols.Flat();
        return new CodecClient(protocol.CreateRouter(
            protocol.Inbound("chat.said", CodecClient.Record<Said>()),
            protocol.Inbound("ping", CodecClient.Record<Ping>())));
    }

    private static CodecClient WrappedClient()
    {
        var protocol = CodecProtocols.Wrapped();
        return new CodecClient(protocol.CreateRouter(protocol.Inbound("chat.said", CodecClient.Record<Said>())));
    }

    [Theory]
    [InlineData("""{"type":"ping","type":"ping"}""")]
    [InlineData("""{"type":"ping","type":"chat.said","room":"r","from":"f","text":"t"}""")]
    [InlineData("""{"type":"chat.said","room":"r","from":"f","text":"t","type":"ping"}""")]
    [InlineData("""{"type":"ping","typ\u0065":"other"}""")]
    [InlineData("""{"type":"ping","\u0074\u0079\u0070\u0065":null}""")]
    [InlineData("""{"typ\u0065":"other","type":"ping"}""")]
    [InlineData("""{"type":null,"type":"ping"}""")]
    public async Task A_flat_message_with_two_discriminators_is_refused(string json)
    {
        using var client = FlatClient();

        await client.ReceiveText(json);

        var error = Assert.Single(client.Errors);
        Assert.Equal(WebSocketErrorKind.MissingDiscriminator, error.Kind);
        Assert.Contains("more than one 'type' property", error.Message, StringComparison.Ordinal);
        Assert.Empty(client.Received);
        Assert.Empty(client.UnhandledMessages);
    }

    [Theory]
    [InlineData("""{"type":"chat.said","room":"type","from":"\"type\"","text":"t"}""")]
    [InlineData("""{"type":"chat.said","room":"r\n","from":"f\u0041","text":"\\type"}""")]
    public async Task The_discriminator_name_inside_values_is_no_second_discriminator(string json)
    {
        using var client = FlatClient();

        await client.ReceiveText(json);

        Assert.Empty(client.Errors);
        Assert.IsType<Said>(Assert.Single(client.Received));
    }

    [Fact]
    public async Task A_wrapped_message_with_two_payloads_is_refused()
    {
        using var client = WrappedClient();

        await client.ReceiveText("""{"type":"chat.said","data":{"room":"a","from":"f","text":"t"},"data":{"room":"b","from":"f","text":"t"}}""");

        var error = Assert.Single(client.Errors);
        Assert.Equal(WebSocketErrorKind.Deserialization, error.Kind);
        Assert.Contains("more than one 'data' property", error.Message, StringComparison.Ordinal);
        Assert.Empty(client.Received);
    }

    [Theory]
    [InlineData("""{"\uDFFF":1,"type":"ping"}""")]
    [InlineData("""{"type":"pi\uD800"}""")]
    [InlineData("""{"type":"ping","\uD800x":1}""")]
    public async Task A_string_that_does_not_decode_where_the_router_reads_is_invalid_json_not_a_throw(string json)
    {
        using var client = FlatClient();

        await client.ReceiveText(json);

        var error = Assert.Single(client.Errors);
        Assert.Equal(WebSocketErrorKind.InvalidJson, error.Kind);
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discriminator_that_is_not_utf8_is_invalid_json_not_a_throw()
    {
        using var client = FlatClient();

        await client.Receive(WebSocketMessageKind.Text, [.. "{\"type\":\""u8, 0xC3, 0x28, .. "\"}"u8]);

        var error = Assert.Single(client.Errors);
        Assert.Equal(WebSocketErrorKind.InvalidJson, error.Kind);
    }
}
