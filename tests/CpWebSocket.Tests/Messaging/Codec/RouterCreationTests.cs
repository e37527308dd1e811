using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class RouterCreationTests
{
    [Fact]
    public void Two_contracts_with_one_discriminator_are_refused_naming_both_types()
    {
        var protocol = CodecProtocols.Flat();

        var error = Assert.Throws<ArgumentException>(() => protocol.CreateRouter(
            protocol.Inbound("chat.said", CodecClient.Record<Said>()),
            protocol.Inbound("chat.said", CodecClient.Record<Ping>())));

        Assert.Equal("contracts", error.ParamName);
        Assert.Contains("\"chat.said\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Said).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Ping).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_contracts_with_one_integer_discriminator_are_refused()
    {
        var protocol = CodecProtocols.Flat();

        var error = Assert.Throws<ArgumentException>(() => protocol.CreateRouter(
            protocol.Inbound(3, CodecClient.Record<Said>()),
            protocol.Inbound(3, CodecClient.Record<Ping>())));

        Assert.Contains("both use the key 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_string_and_integer_discriminators_are_refused_naming_both()
    {
        var protocol = CodecProtocols.Flat();

        var error = Assert.Throws<ArgumentException>(() => protocol.CreateRouter(
            protocol.Inbound(7, CodecClient.Record<Quote>()),
            protocol.Inbound("chat.said", CodecClient.Record<Said>())));

        Assert.Contains("first-level discriminators mix strings and integers", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{typeof(Said).FullName} uses \"chat.said\"", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{typeof(Quote).FullName} uses 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_of_another_protocol_is_refused()
    {
        var foreign = CodecProtocols.Wrapped().Inbound("ping", CodecClient.Record<Ping>());

        var error = Assert.Throws<ArgumentException>(() => CodecProtocols.Flat().CreateRouter(foreign));

        Assert.Contains("another MessageProtocol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_contract_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CodecProtocols.Flat().CreateRouter(null!, null!));
        Assert.Throws<ArgumentNullException>(() => CodecProtocols.Flat().CreateRouter(null!));
    }

    [Fact]
    public void The_same_discriminator_may_be_sent_and_received()
    {
        var protocol = CodecProtocols.Flat();

        _ = protocol.Outbound<Ping>("ping");
        var router = protocol.CreateRouter(protocol.Inbound("ping", CodecClient.Record<Ping>()));

        Assert.Single(router.Contracts);
    }

    [Fact]
    public void An_envelope_needs_two_different_property_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new CpWebSocket.Messaging.MessageEnvelope("type", "type"));

        Assert.Contains("both 'type'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CpWebSocket.Messaging.MessageEnvelope(string.Empty));
    }
}
