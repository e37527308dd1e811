using System.Text;
using CpWebSocket.Messaging;
using CpWebSocket.Messaging.Layout;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;

namespace CpWebSocket.Tests.Messaging.Codec;

/// <summary>Where and how a request id is written, and how a received one is found, for each envelope shape.</summary>
public sealed class RequestEncodingTests
{
    private static MessageProtocol Protocol(string? payload, RequestIdSettings id) =>
        MessageProtocol.Create(new MessageEnvelope("type", payload, id), CodecJsonContext.Default);

    private static string Encode<T>(RequestContract<T, Said> contract, T message, long id)
    {
        using var buffer = new EncodeBuffer(contract.Outbound.Protocol.WriterOptions);
        contract.Outbound.Encode(message, buffer, id);
        return Encoding.UTF8.GetString(buffer.WrittenMemory.Span);
    }

    [Theory]
    [InlineData(null, RequestIdLocation.Envelope, RequestIdKind.Integer, """{"type":"say","id":7,"room":"r","text":"t"}""")]
    [InlineData(null, RequestIdLocation.Payload, RequestIdKind.String, """{"type":"say","id":"7","room":"r","text":"t"}""")]
    [InlineData("data", RequestIdLocation.Envelope, RequestIdKind.Integer, """{"type":"say","id":7,"data":{"room":"r","text":"t"}}""")]
    [InlineData("data", RequestIdLocation.Payload, RequestIdKind.String, """{"type":"say","data":{"id":"7","room":"r","text":"t"}}""")]
    public void The_id_is_written_where_the_settings_say(string? payload, RequestIdLocation location, RequestIdKind kind, string expected)
    {
        var contract = Protocol(payload, new RequestIdSettings("id", location, kind)).Request<Say, Said>("say");

        Assert.Equal(expected, Encode(contract, new Say("r", "t"), 7));
    }

    [Theory]
    [InlineData(null, RequestIdLocation.Envelope, """{"type":"ping","id":9223372036854775807}""")]
    [InlineData("data", RequestIdLocation.Envelope, """{"type":"ping","id":9223372036854775807,"data":{}}""")]
    [InlineData("data", RequestIdLocation.Payload, """{"type":"ping","data":{"id":9223372036854775807}}""")]
    public void An_empty_request_still_carries_its_id(string? payload, RequestIdLocation location, string expected)
    {
        var contract = Protocol(payload, new RequestIdSettings("id", location)).Request<Ping, Said>("ping");

        Assert.Equal(expected, Encode(contract, new Ping(), long.MaxValue));
    }

    [Fact]
    public void A_plain_send_on_an_envelope_with_request_ids_carries_no_id()
    {
        var protocol = Protocol(null, new RequestIdSettings("id"));

        Assert.Equal("""{"type":"say","room":"r","text":"t"}""", CodecProtocols.Encode(protocol.Outbound<Say>("say"), new Say("r", "t")));
    }

    [Fact]
    public void An_id_property_name_that_needs_escaping_is_escaped()
    {
        var contract = Protocol(null, new RequestIdSettings("re\"q")).Request<Ping, Said>("ping");

        Assert.Equal("""{"type":"ping","re\u0022q":1}""", Encode(contract, new Ping(), 1));
    }

    [Fact]
    public void A_request_type_with_a_property_named_like_the_id_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Protocol(null, new RequestIdSettings("room")).Request<Say, Said>("say"));

        Assert.Contains("has a JSON property named 'room', the request id property", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_on_an_envelope_without_request_ids_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CodecProtocols.Flat().Request<Say, Said>("say"));

        Assert.Contains("has no request id settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_id_cannot_take_the_discriminators_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new MessageEnvelope("type", null, new RequestIdSettings("type")));

        Assert.Contains("request id property 'type'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, RequestIdLocation.Envelope, """{"type":"x","id":42,"room":"r"}""", 42L, """{"type":"x","id":42,"room":"r"}""")]
    [InlineData(null, RequestIdLocation.Envelope, """{"room":"r","id":"42","type":"x"}""", 42L, """{"room":"r","id":"42","type":"x"}""")]
    [InlineData("data", RequestIdLocation.Envelope, """{"id":42,"data":{"room":"r"}}""", 42L, """{"room":"r"}""")]
    [InlineData("data", RequestIdLocation.Envelope, """{"data":{"room":"r"},"id":42}""", 42L, """{"room":"r"}""")]
    [InlineData("data", RequestIdLocation.Envelope, """{"jsonrpc":"2.0","id":42,"result":{"room":"r"}}""", 42L, """{"jsonrpc":"2.0","id":42,"result":{"room":"r"}}""")]
    [InlineData("data", RequestIdLocation.Payload, """{"op":7,"data":{"nested":{"id":1},"id":"42"}}""", 42L, """{"nested":{"id":1},"id":"42"}""")]
    public void A_received_id_is_found_with_the_part_the_response_is_read_from(string? payload, RequestIdLocation location, string json, long id, string response)
    {
        var protocol = Protocol(payload, new RequestIdSettings("id", location));
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.True(TryReadId(protocol, bytes, out var found, out var range));

        Assert.Equal(id, found);
        Assert.Equal(response, Encoding.UTF8.GetString(bytes.AsSpan()[range]));
    }

    [Theory]
    [InlineData("""{"type":"x","room":"r"}""")]
    [InlineData("""{"type":"x","id":null}""")]
    [InlineData("""{"type":"x","id":1.5}""")]
    [InlineData("""{"type":"x","id":"7a"}""")]
    [InlineData("""{"type":"x","id":{"id":1}}""")]
    [InlineData("""{"type":"x","nested":{"id":1}}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"type":"x","id":""")]
    [InlineData("""not json""")]
    public void A_message_without_a_usable_id_is_not_a_response(string json)
    {
        var protocol = Protocol(null, new RequestIdSettings("id"));

        Assert.False(TryReadId(protocol, Encoding.UTF8.GetBytes(json), out _, out _));
    }

    /// <summary>What the router reads of a message before it routes it: the request id, and where a response is read from.</summary>
    private static bool TryReadId(MessageProtocol protocol, byte[] json, out long id, out Range response)
    {
        id = 0;
        response = Range.All;
        var layout = protocol.Layout;
        var slots = new FieldSlot[layout.SlotCount];
        try
        {
            var scanner = new EnvelopeScanner(json, protocol.ReaderOptions, layout, slots, new int[layout.StackSize]);
            if (scanner.Start() != System.Text.Json.JsonTokenType.StartObject)
            {
                return false;
            }

            scanner.ReadToEnd();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        if (layout.PayloadSlot >= 0 && slots[layout.PayloadSlot] is { IsPresent: true } payload)
        {
            response = payload.Start..(payload.Start + payload.Length);
        }

        return slots[layout.RequestIdSlot] is { IsPresent: true } slot && SlotValue.TryGetId(json, slot, out id);
    }
}
