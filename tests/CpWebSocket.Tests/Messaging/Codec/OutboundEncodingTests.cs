using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class OutboundEncodingTests
{
    [Fact]
    public void A_flat_message_merges_its_properties_after_the_discriminator()
    {
        var contract = CodecProtocols.Flat().Outbound<Say>("chat.say");

        Assert.Equal("""{"type":"chat.say","room":"lobby","text":"hi"}""", CodecProtocols.Encode(contract, new Say("lobby", "hi")));
    }

    [Fact]
    public void A_wrapped_message_goes_inside_the_payload_property()
    {
        var contract = CodecProtocols.Wrapped().Outbound<Say>("chat.say");

        Assert.Equal("""{"type":"chat.say","data":{"room":"lobby","text":"hi"}}""", CodecProtocols.Encode(contract, new Say("lobby", "hi")));
    }

    [Fact]
    public void An_integer_discriminator_is_written_as_a_number()
    {
        var flat = CodecProtocols.Flat().Outbound<Quote>(5);
        var wrapped = CodecProtocols.Wrapped().Outbound<Quote>(-12);
        var quote = new Quote { Seq = 1, Bid = 2.5, Ask = 3 };

        Assert.Equal("""{"type":5,"seq":1,"bid":2.5,"ask":3}""", CodecProtocols.Encode(flat, quote));
        Assert.Equal("""{"type":-12,"data":{"seq":1,"bid":2.5,"ask":3}}""", CodecProtocols.Encode(wrapped, quote));
    }

    [Fact]
    public void An_empty_flat_message_is_only_the_discriminator()
    {
        var contract = CodecProtocols.Flat().Outbound<Ping>("ping");

        Assert.Equal("""{"type":"ping"}""", CodecProtocols.Encode(contract, new Ping()));
    }

    [Fact]
    public void An_empty_wrapped_message_is_an_empty_payload()
    {
        var contract = CodecProtocols.Wrapped().Outbound<Ping>("ping");

        Assert.Equal("""{"type":"ping","data":{}}""", CodecProtocols.Encode(contract, new Ping()));
    }

    [Fact]
    public void Custom_envelope_property_names_are_used_as_given()
    {
        var protocol = MessageProtocol.Create(new MessageEnvelope("op", "d"), CodecJsonContext.Default);

        Assert.Equal("""{"op":"chat.say","d":{"room":"r","text":"t"}}""", CodecProtocols.Encode(protocol.Outbound<Say>("chat.say"), new Say("r", "t")));
    }

    [Fact]
    public void The_discriminator_value_is_json_escaped()
    {
        var contract = CodecProtocols.Flat().Outbound<Ping>("a\"b\\c<é>");

        Assert.Equal("""{"type":"a\u0022b\\c\u003C\u00E9\u003E"}""", CodecProtocols.Encode(contract, new Ping()));
    }

    [Fact]
    public void The_prefix_is_encoded_once_per_contract()
    {
        var contract = CodecProtocols.Wrapped().Outbound<Say>("chat.say");

        Assert.Equal("{\"type\":\"chat.say\",\"data\":"u8.ToArray(), contract.Head.ToArray());
    }

    [Fact]
    public void A_reused_buffer_holds_only_the_latest_message()
    {
        var contract = CodecProtocols.Flat().Outbound<Say>("chat.say");
        using var buffer = new EncodeBuffer(contract.Protocol.WriterOptions);

        contract.Encode(new Say("a long room name", "a long text"), buffer);
        contract.Encode(new Say("r", "t"), buffer);

        Assert.Equal("""{"type":"chat.say","room":"r","text":"t"}"""u8.ToArray(), buffer.WrittenMemory.ToArray());
    }

    [Fact]
    public void A_large_message_grows_the_buffer()
    {
        var contract = CodecProtocols.Flat().Outbound<Say>("chat.say");
        var text = new string('x', 100_000);

        Assert.Equal($$"""{"type":"chat.say","room":"r","text":"{{text}}"}""", CodecProtocols.Encode(contract, new Say("r", text)));
    }

    [Fact]
    public void Reflection_based_protocols_use_the_web_defaults()
    {
#pragma warning disable IL2026, IL3050 // the reflection path is what is under test
        var protocol = MessageProtocol.CreateReflectionBased(new MessageEnvelope());
#pragma warning restore IL2026, IL3050

        Assert.Equal("""{"type":"chat.say","room":"lobby","text":"hi"}""", CodecProtocols.Encode(protocol.Outbound<Say>("chat.say"), new Say("lobby", "hi")));
        Assert.True(protocol.SerializerOptions.PropertyNameCaseInsensitive);
        Assert.True(protocol.SerializerOptions.IsReadOnly);
    }

    [Fact]
    public void A_flat_message_that_is_not_a_json_object_is_refused_with_its_type_name()
    {
        var contract = CodecProtocols.Flat().Outbound<Code>("code");
        using var buffer = new EncodeBuffer(contract.Protocol.WriterOptions);

        var error = Assert.Throws<InvalidOperationException>(() => contract.Encode(new Code("abc"), buffer));

        Assert.Contains(typeof(Code).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("a string, not a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrapped_message_may_be_any_json_value()
    {
        var contract = CodecProtocols.Wrapped().Outbound<Code>("code");

        Assert.Equal("""{"type":"code","data":"abc"}""", CodecProtocols.Encode(contract, new Code("abc")));
    }

    [Fact]
    public void A_flat_array_contract_is_refused_when_it_is_declared()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CodecProtocols.Flat().Outbound<int[]>("numbers"));

        Assert.Contains("Int32[]", error.Message, StringComparison.Ordinal);
        Assert.Contains("wrapped envelope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_contract_with_a_property_named_like_the_discriminator_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CodecProtocols.Flat().Outbound<Tagged>("tagged"));

        Assert.Contains(typeof(Tagged).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("'type'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_contract_whose_member_named_like_the_discriminator_is_ignored_is_accepted()
    {
        // [JsonIgnore] keeps the member among the metadata's properties, without a getter: it is never written.
#pragma warning disable IL2026, IL3050 // the reflection path is under test too
        var reflection = MessageProtocol.CreateReflectionBased(new MessageEnvelope());
#pragma warning restore IL2026, IL3050

        foreach (var protocol in new[] { CodecProtocols.Flat(), reflection })
        {
            var contract = protocol.Outbound<IgnoredTag>("tagged");

            Assert.Equal("""{"type":"tagged","text":"hi"}""", CodecProtocols.Encode(contract, new IgnoredTag("not written", "hi")));
        }
    }

    [Fact]
    public void A_type_missing_from_the_context_is_refused_with_the_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CodecProtocols.Flat().Outbound<Uri>("uri"));

        Assert.Contains("CodecJsonContext", error.Message, StringComparison.Ordinal);
        Assert.Contains("[JsonSerializable(typeof(System.Uri))]", error.Message, StringComparison.Ordinal);
    }
}
