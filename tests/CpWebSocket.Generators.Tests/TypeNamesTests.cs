using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>The names and values the generator reads from attributes are those of the runtime's types.</summary>
public sealed class TypeNamesTests
{
    [Fact]
    public void Attribute_and_type_names_match_the_runtime()
    {
        Assert.Equal(TypeNames.WebSocketClientAttribute, typeof(WebSocketClientAttribute).FullName);
        Assert.Equal(TypeNames.MessageAttribute, typeof(MessageAttribute).FullName);
        Assert.Equal(TypeNames.SendsAttribute, typeof(SendsAttribute).FullName);
        Assert.Equal(TypeNames.ReceivesAttribute, typeof(ReceivesAttribute).FullName);
        Assert.Equal(TypeNames.MessageClient, typeof(Messaging.MessageClient).FullName);
        Assert.Equal(TypeNames.ResponseInterface, typeof(IResponse<,>).FullName);
    }

    [Fact]
    public void Named_arguments_are_properties_of_the_attributes()
    {
        Assert.NotNull(typeof(WebSocketClientAttribute).GetProperty(TypeNames.RequestIdPropertyArgument));
        Assert.NotNull(typeof(WebSocketClientAttribute).GetProperty(TypeNames.RequestIdLocationArgument));
        Assert.NotNull(typeof(WebSocketClientAttribute).GetProperty(TypeNames.RequestIdKindArgument));
        Assert.NotNull(typeof(WebSocketClientAttribute).GetProperty(TypeNames.DiscriminatorPropertyArgument));
        Assert.NotNull(typeof(WebSocketClientAttribute).GetProperty(TypeNames.PayloadPropertyArgument));
        Assert.NotNull(typeof(WebSocketClientAttribute).GetProperty(TypeNames.SerializerContextArgument));
        Assert.NotNull(typeof(SendsAttribute).GetProperty(TypeNames.ReturnsArgument));
        Assert.NotNull(typeof(SendsAttribute).GetProperty(TypeNames.MethodNameArgument));
        Assert.NotNull(typeof(SendsAttribute).GetProperty(TypeNames.TimeoutMillisecondsArgument));
    }

    [Fact]
    public void Enum_values_read_as_numbers_are_those_of_the_runtime()
    {
        Assert.Equal(TypeNames.RequestIdLocationPayload, (int)RequestIdLocation.Payload);
        Assert.Equal(TypeNames.RequestIdKindString, (int)RequestIdKind.String);
    }
}
