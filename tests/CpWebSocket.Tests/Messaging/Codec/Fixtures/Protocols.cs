using CpWebSocket.Messaging;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>The envelopes the codec tests use, over generated metadata.</summary>
public static class Protocols
{
    /// <summary><c>{"type":…,…}</c></summary>
    public static MessageProtocol Flat() => MessageProtocol.Create(new MessageEnvelope(), CodecJsonContext.Default);

    /// <summary><c>{"type":…,"data":{…}}</c></summary>
    public static MessageProtocol Wrapped() => MessageProtocol.Create(new MessageEnvelope("type", "data"), CodecJsonContext.Default);

    /// <summary>Encodes one message to text with <paramref name="contract"/>.</summary>
    public static string Encode<T>(OutboundContract<T> contract, T message)
    {
        using var buffer = new EncodeBuffer(contract.Protocol.WriterOptions);
        contract.Encode(message, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenMemory.Span);
    }
}
