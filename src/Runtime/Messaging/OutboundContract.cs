using System.Buffers.Text;
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
    private readonly byte[] _head;
    private readonly byte[]? _payloadName;
    private readonly JsonTypeInfo<T> _typeInfo;

    // Tested once: "message is null" on a value type boxes it wherever the JIT does not optimize (Debug builds).
    private readonly bool _canBeNull = default(T) is null;

    internal OutboundContract(MessageProtocol protocol, MessageDiscriminator discriminator, JsonTypeInfo<T> typeInfo, byte[] head, byte[]? payloadName)
    {
        Protocol = protocol;
        Discriminator = discriminator;
        _typeInfo = typeInfo;
        _head = head;
        _payloadName = payloadName;
    }

    /// <summary>The value written to the envelope's discriminator property.</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>The protocol the contract belongs to.</summary>
    internal MessageProtocol Protocol { get; }

    /// <summary>The serializer metadata the message is written with.</summary>
    internal JsonTypeInfo<T> TypeInfo => _typeInfo;

    /// <summary>The envelope's opening bytes: <c>{"type":"chat.say"</c>, plus <c>,"data":</c> when wrapped.</summary>
    /// <summary>What every message of this contract starts with: <c>{"type":"chat.say"</c>, escaped as the protocol escapes.</summary>
    internal ReadOnlySpan<byte> Head => _head;

    /// <summary><c>,"data":</c> for a wrapped envelope; <see langword="null"/> for a flat one.</summary>
    internal ReadOnlySpan<byte> PayloadName => _payloadName;

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
    internal void Encode(T message, EncodeBuffer buffer) => Encode(message, buffer, NoRequestId);

    /// <summary>
    /// Writes <paramref name="message"/> in its envelope into <paramref name="buffer"/>, with <paramref name="requestId"/>
    /// where the envelope's <see cref="MessageEnvelope.RequestId"/> says (none for <see cref="NoRequestId"/>).
    /// </summary>
    internal void Encode(T message, EncodeBuffer buffer, long requestId)
    {
        buffer.Clear();
        var output = buffer.Output;
        var envelope = Protocol.Envelope;
        var withId = requestId != NoRequestId;
        var idInPayload = withId && envelope.RequestIdInPayload;

        output.Write(_head);
        if (withId && !idInPayload)
        {
            output.Write((byte)',');
            WriteRequestId(output, envelope.RequestId!, requestId);
        }

        if (_payloadName is not null)
        {
            output.Write(_payloadName);
        }

        if (idInPayload)
        {
            output.Write((byte)'{');
            WriteRequestId(output, envelope.RequestId!, requestId);
        }

        var start = output.WrittenCount;
        var writer = buffer.Writer;
        JsonSerializer.Serialize(writer, message, _typeInfo);
        writer.Flush();

        if (envelope.IsWrapped && !idInPayload)
        {
            output.Write((byte)'}');
            return;
        }

        // The payload's properties join an object that is already open: the envelope (flat) or the id's (payload).
        var payload = output.WrittenSpan[start..];
        if (payload.IsEmpty || payload[0] != (byte)'{')
        {
            throw new InvalidOperationException(idInPayload
                ? RequestErrors.PayloadNotAnObject(typeof(T), payload, envelope)
                : MessageErrors.FlatPayloadNotAnObject(typeof(T), payload, envelope));
        }

        if (payload.Length == 2)
        {
            // "{}": nothing to merge, the open object just closes.
            payload[0] = (byte)'}';
            output.Truncate(start + 1);
        }
        else
        {
            payload[0] = (byte)',';
        }

        if (envelope.IsWrapped)
        {
            output.Write((byte)'}');
        }
    }

    /// <summary>The request id that means "not a request".</summary>
    internal const long NoRequestId = 0;

    private static void WriteRequestId(PooledBufferWriter output, RequestIdSettings settings, long id)
    {
        output.Write((byte)'"');
        output.Write(settings.PropertyUtf8);
        output.Write("\":"u8);
        var quoted = settings.Kind == RequestIdKind.String;
        if (quoted)
        {
            output.Write((byte)'"');
        }

        var digits = output.GetSpan(20);
        Utf8Formatter.TryFormat(id, digits, out var written);
        output.Advance(written);
        if (quoted)
        {
            output.Write((byte)'"');
        }
    }
}
