using System.Text;
using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>The errors and exception messages of the codec, each saying what was wrong with which message.</summary>
internal static class MessageErrors
{
    /// <summary>The text is not JSON (<see cref="JsonException"/>), or a string in it does not decode (<see cref="InvalidOperationException"/>).</summary>
    public static WebSocketErrorInfo InvalidJson(Exception exception, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.InvalidJson,
        $"A text message is not valid JSON, so it was not routed: {exception.Message}",
        exception,
        Text(message));

    public static WebSocketErrorInfo NotAnObject(JsonTokenType token, MessageEnvelope envelope, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.InvalidJson,
        $"A text message is {Describe(token)}, not a JSON object, so it was not routed: messages are objects with a '{envelope.DiscriminatorProperty}' property.",
        rawText: Text(message));

    public static WebSocketErrorInfo MissingDiscriminator(MessageEnvelope envelope, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.MissingDiscriminator,
        $"A JSON message has no '{envelope.DiscriminatorProperty}' property, so it was not routed.",
        rawText: Text(message));

    public static WebSocketErrorInfo DiscriminatorOfWrongType(JsonTokenType token, MessageEnvelope envelope, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.MissingDiscriminator,
        $"The '{envelope.DiscriminatorProperty}' property of a JSON message is {Describe(token)}, not a string or an integer, so the message was not routed.",
        rawText: Text(message));

    public static WebSocketErrorInfo DiscriminatorNotAnInteger(MessageEnvelope envelope, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.MissingDiscriminator,
        $"The '{envelope.DiscriminatorProperty}' property of a JSON message is a number but not a 64-bit integer, so the message was not routed.",
        rawText: Text(message));

    public static WebSocketErrorInfo DiscriminatorOfWrongKind(bool isString, MessageEnvelope envelope, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.MissingDiscriminator,
        isString
            ? $"The '{envelope.DiscriminatorProperty}' property of a JSON message is a string, but this client's discriminators are integers, so the message was not routed."
            : $"The '{envelope.DiscriminatorProperty}' property of a JSON message is an integer, but this client's discriminators are strings, so the message was not routed.",
        rawText: Text(message));

    public static WebSocketErrorInfo RepeatedMember(string path, bool routing, ReadOnlySpan<byte> message) => new(
        routing ? WebSocketErrorKind.MissingDiscriminator : WebSocketErrorKind.Deserialization,
        routing
            ? $"A JSON message has more than one '{path}' property, so it was not routed: which one names the message would be a guess."
            : $"A JSON message has more than one '{path}' property, so it was not deserialized: which one is meant would be a guess.",
        rawText: Text(message));

    public static WebSocketErrorInfo NotDeserialized(InboundContract contract, Exception exception, ReadOnlySpan<byte> message, bool present)
    {
        var where = contract.PayloadPath is { } path && exception is JsonException
            ? present ? $" (the path and position are within its '{path}' property)" : $" (its '{path}' is absent or null)"
            : string.Empty;
        return new(
            WebSocketErrorKind.Deserialization,
            $"A {contract.Key.ToDisplayString()} message did not deserialize into {contract.MessageType}: {exception.Message}{where}",
            exception,
            Text(message))
        {
            Contract = contract.MessageType,
        };
    }

    public static WebSocketErrorInfo Incomplete(InboundContract contract, string missing, ReadOnlySpan<byte> message, bool present)
    {
        var where = contract.PayloadPath is { } path
            ? present ? $" (within its '{path}' property)" : $" (its '{path}' is absent or null)"
            : string.Empty;
        return new(
            WebSocketErrorKind.Deserialization,
            $"A {contract.Key.ToDisplayString()} message did not deserialize into {contract.MessageType}: {Lacks(missing, contract.MessageType)}{where}",
            rawText: Text(message))
        {
            Contract = contract.MessageType,
        };
    }

    /// <summary>Why a value that lacks a required member was refused, and how to accept it.</summary>
    public static string Lacks(string missing, Type type) =>
        $"it lacks '{missing}' (absent or null), which {type} declares non-nullable; declare the member nullable, or give it a default value, to accept messages without it.";

    public static string EnvelopeNotDeserialized(Type envelopeType, string problem) =>
        $"The envelope of a received message did not deserialize into {envelopeType}, so the handlers that asked for it were not called: {problem}";

    public static WebSocketErrorInfo EnvelopeFailed(InboundContract contract, WebSocketEnvelopeException exception, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.Deserialization,
        $"A {contract.Key.ToDisplayString()} message reached its handlers, but: {exception.Message}",
        exception,
        Text(message))
    {
        Contract = contract.MessageType,
    };

    public static string ValuePayloadNeedsWrapping(Type messageType, MessageEnvelope envelope) =>
        $"{messageType} is read and written as a value ([PayloadValue]), but its members would stand next to '{envelope.DiscriminatorProperty}' in a flat envelope; "
        + "a value payload needs a payload property (a wrapped envelope, or a route with its own Payload path).";

    public static WebSocketErrorInfo DeserializedToNull(InboundContract contract, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.Deserialization,
        $"A {contract.Key.ToDisplayString()} message deserialized to null instead of a {contract.MessageType}, so its handler was not called.",
        rawText: Text(message))
    {
        Contract = contract.MessageType,
    };

    public static WebSocketErrorInfo HandlerFailed(InboundContract contract, Exception exception, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.Callback,
        $"The handler of {contract.Key.ToDisplayString()} messages ({contract.MessageType}) threw {exception.GetType().Name}: {exception.Message} The connection stays open.",
        exception,
        Text(message))
    {
        Contract = contract.MessageType,
    };

    public static WebSocketErrorInfo UnhandledHandlerFailed(Exception exception, ReadOnlySpan<byte> message) => new(
        WebSocketErrorKind.Callback,
        $"A handler of the Unhandled event threw {exception.GetType().Name}: {exception.Message} The connection stays open.",
        exception,
        Text(message));

    public static string FlatPayloadNotAnObject(Type messageType, ReadOnlySpan<byte> payload, MessageEnvelope envelope) =>
        $"{messageType} serialized as {DescribeStart(payload)}, not a JSON object. A flat envelope puts the message's properties "
        + $"next to '{envelope.DiscriminatorProperty}', so the message must serialize as an object; "
        + "use a wrapped envelope (a payload property) to send other JSON values.";

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    internal static string DescribeStart(ReadOnlySpan<byte> json) => json.IsEmpty
        ? "nothing"
        : json[0] switch
        {
            (byte)'[' => "an array",
            (byte)'"' => "a string",
            (byte)'n' => "null",
            (byte)'t' => "true",
            (byte)'f' => "false",
            _ => "a number",
        };

    internal static string Text(ReadOnlySpan<byte> message) => Encoding.UTF8.GetString(message);
}
