using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CpWebSocket.Messaging;

/// <summary>
/// One sent message type of a <see cref="MessageProtocol"/>: its discriminator, its JSON metadata, and the
/// envelope's opening bytes (<c>{"type":"chat.say"</c>), encoded once so each send only serializes the message.
/// Create it with <see cref="MessageProtocol.Outbound{T}"/> and keep it (a static field).
/// </summary>
/// <typeparam name="T">The message contract.</typeparam>
public sealed class OutboundContract<T>
{
    private readonly byte[] _prefix;
    private readonly JsonTypeInfo<T> _typeInfo;

    // Tested once: "message is null" on a value type boxes it wherever the JIT does not optimize (Debug builds).
    private readonly bool _canBeNull = default(T) is null;

    internal OutboundContract(MessageProtocol protocol, MessageDiscriminator discriminator, JsonTypeInfo<T> typeInfo, byte[] prefix)
    {
        Protocol = protocol;
        Discriminator = discriminator;
        _typeInfo = typeInfo;
        _prefix = prefix;
    }

    /// <summary>The value written to the envelope's discriminator property.</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>The protocol the contract belongs to.</summary>
    internal MessageProtocol Protocol { get; }

    /// <summary>The envelope's opening bytes: <c>{"type":"chat.say"</c>, plus <c>,"data":</c> when wrapped.</summary>
    internal ReadOnlySpan<byte> Prefix => _prefix;

    /// <summary>Whether <paramref name="message"/> is null, without boxing a value type.</summary>
    internal bool IsNull(T message) => _canBeNull && message is null;

    /// <inheritdoc />
    public override string ToString() => $"{typeof(T)} sent as {Discriminator.ToDisplayString()}";

    /// <summary>
    /// Encodes <paramref name="message"/> with its envelope into <paramref name="buffer"/>, replacing what it held.
    /// Flat: the prefix, then the message's object with its opening brace turned into a comma (an empty object
    /// leaves only its closing brace). Wrapped: the prefix, the message, and a closing brace.
    /// </summary>
    /// <exception cref="InvalidOperationException">A flat message did not serialize as a JSON object.</exception>
    internal void Encode(T message, EncodeBuffer buffer)
    {
        buffer.Clear();
        var output = buffer.Output;
        output.Write(_prefix);
        var start = output.WrittenCount;
        var writer = buffer.Writer;
        JsonSerializer.Serialize(writer, message, _typeInfo);
        writer.Flush();

        if (Protocol.Envelope.IsWrapped)
        {
            output.Write((byte)'}');
            return;
        }

        var payload = output.WrittenSpan[start..];
        if (payload.IsEmpty || payload[0] != (byte)'{')
        {
            throw new InvalidOperationException(MessageErrors.FlatPayloadNotAnObject(typeof(T), payload, Protocol.Envelope));
        }

        if (payload.Length == 2)
        {
            // "{}": nothing to merge, the envelope just closes.
            payload[0] = (byte)'}';
            output.Truncate(start + 1);
        }
        else
        {
            payload[0] = (byte)',';
        }
    }
}
