using CpWebSocket.Messaging;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class MessageDiscriminatorTests
{
    [Fact]
    public void A_string_discriminator_keeps_its_value()
    {
        MessageDiscriminator discriminator = "chat.say";

        Assert.True(discriminator.IsString);
        Assert.Equal("chat.say", discriminator.StringValue);
        Assert.Equal(0, discriminator.IntegerValue);
        Assert.Equal("chat.say", discriminator.ToString());
    }

    [Fact]
    public void An_integer_discriminator_keeps_its_value()
    {
        MessageDiscriminator discriminator = -5L;

        Assert.False(discriminator.IsString);
        Assert.Null(discriminator.StringValue);
        Assert.Equal(-5, discriminator.IntegerValue);
        Assert.Equal("-5", discriminator.ToString());
    }

    [Fact]
    public void Equality_compares_kind_and_value()
    {
        Assert.Equal(MessageDiscriminator.FromString("a"), (MessageDiscriminator)"a");
        Assert.True((MessageDiscriminator)"a" == "a");
        Assert.True((MessageDiscriminator)"a" != "A");
        Assert.NotEqual((MessageDiscriminator)"5", (MessageDiscriminator)5);
        Assert.Equal(MessageDiscriminator.FromInt64(5), (MessageDiscriminator)5);
        Assert.Equal(((MessageDiscriminator)"a").GetHashCode(), new MessageDiscriminator("a").GetHashCode());
        Assert.False(((MessageDiscriminator)1).Equals((object)1L));
    }

    [Fact]
    public void A_null_string_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new MessageDiscriminator(null!));
    }
}
