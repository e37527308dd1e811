using System.Globalization;
using System.Reflection;
using CpWebSocket.Messaging;

namespace CpWebSocket.Testing.Wire;

/// <summary>
/// The key a contract type stands under on the wire, read from its <see cref="MessageAttribute"/>: the rule the
/// generator follows for every sent, received, response and error type.
/// </summary>
internal static class ContractKeys
{
    /// <summary>The key of <paramref name="type"/> (a generic type's definition carries it for every construction), or <see langword="null"/> without a <c>[Message]</c>.</summary>
    public static MessageKey? Of(Type type)
    {
        var message = type.GetCustomAttribute<MessageAttribute>(inherit: false);
        if (message is null)
        {
            return null;
        }

        var first = Discriminator(message.Type);
        return message.Subtype is { } second ? new MessageKey(first, Discriminator(second)) : new MessageKey(first);
    }

    /// <summary>The key of a type the peer sends or reads as a message of its own.</summary>
    /// <exception cref="ArgumentException">The type has no <c>[Message]</c>.</exception>
    public static MessageKey Require(Type type) =>
        Of(type) ?? throw new ArgumentException(
            $"{TypeDisplay.Of(type)} has no [Message]: the test peer sends and reads contracts by their [Message]. Send other text with SendTextAsync, and read it with ReceiveFrameAsync.",
            nameof(type));

    /// <summary>The key as it stands in JSON: <c>"chat.say"</c>, <c>5/"CurrentProgramSceneChanged"</c>.</summary>
    public static string Display(MessageKey key) =>
        key.Second is { } second ? $"{Display(key.Discriminator)}/{Display(second)}" : Display(key.Discriminator);

    /// <summary>A discriminator as it stands in JSON: <c>"chat.say"</c> or <c>5</c>.</summary>
    public static string Display(MessageDiscriminator value) =>
        value.IsString ? $"\"{value.StringValue}\"" : value.IntegerValue.ToString(CultureInfo.InvariantCulture);

    private static MessageDiscriminator Discriminator(object value) => value switch
    {
        string text => new MessageDiscriminator(text),
        long number => new MessageDiscriminator(number),
        int number => new MessageDiscriminator(number),
        _ => throw new ArgumentException($"A [Message] value of type {value.GetType()} is neither a string nor an integer."),
    };
}
