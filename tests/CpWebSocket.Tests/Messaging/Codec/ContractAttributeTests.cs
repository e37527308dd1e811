using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class ContractAttributeTests
{
    [Fact]
    public void A_message_attribute_keeps_a_string_or_integer_discriminator()
    {
        Assert.Equal("chat.say", new MessageAttribute("chat.say").Type);
        Assert.Equal(5L, new MessageAttribute(5).Type);
    }

    [Fact]
    public void A_client_attribute_defaults_to_a_flat_type_envelope_with_reflection()
    {
        var attribute = new WebSocketClientAttribute();

        Assert.Equal("type", attribute.DiscriminatorProperty);
        Assert.Null(attribute.PayloadProperty);
        Assert.Null(attribute.SerializerContext);
    }

    [Fact]
    public void Sends_and_receives_may_be_repeated()
    {
        Assert.Equal(typeof(string), new SendsAttribute(typeof(string)).MessageType);
        Assert.Equal(typeof(int), new ReceivesAttribute(typeof(int)).MessageType);
        Assert.True(Usage<SendsAttribute>().AllowMultiple);
        Assert.True(Usage<ReceivesAttribute>().AllowMultiple);
        Assert.False(Usage<MessageAttribute>().AllowMultiple);
        Assert.Equal(AttributeTargets.Class | AttributeTargets.Struct, Usage<MessageAttribute>().ValidOn);
    }

    private static AttributeUsageAttribute Usage<T>() where T : Attribute =>
        (AttributeUsageAttribute)Attribute.GetCustomAttribute(typeof(T), typeof(AttributeUsageAttribute))!;
}
