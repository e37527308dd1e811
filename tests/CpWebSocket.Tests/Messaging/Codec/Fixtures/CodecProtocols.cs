using CpWebSocket.Messaging;
using CpWebSocket.Messaging.Shapes;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>The envelopes the codec tests use, over generated metadata.</summary>
public static class CodecProtocols
{
    /// <summary><c>{"type":…,…}</c>, the members of <paramref name="shapes"/> checked.</summary>
    public static MessageProtocol Flat(params MessageShape[] shapes) =>
        MessageProtocol.Create(new MessageEnvelope(), CodecJsonContext.Default, CodecShapes.Of(shapes));

    /// <summary><c>{"type":…,"data":{…}}</c>, the members of <paramref name="shapes"/> checked.</summary>
    public static MessageProtocol Wrapped(params MessageShape[] shapes) =>
        MessageProtocol.Create(new MessageEnvelope("type", "data"), CodecJsonContext.Default, CodecShapes.Of(shapes));

    /// <summary>Encodes one message to text with <paramref name="contract"/>.</summary>
    public static string Encode<T>(OutboundContract<T> contract, T message)
    {
        using var buffer = new EncodeBuffer(contract.Protocol.WriterOptions);
        contract.Encode(message, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenMemory.Span);
    }
}
