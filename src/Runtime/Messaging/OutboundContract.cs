using System.Buffers.Text;
using System.ComponentModel;
using CpWebSocket.Messaging.Layout;
using CpWebSocket.Messaging.Payloads;

namespace CpWebSocket.Messaging;

/// <summary>
/// One sent message type of a <see cref="MessageProtocol"/>: its key, its JSON metadata, and the envelope bytes around
/// its payload (<c>{"type":"chat.say"</c>, constants, a second-level value, the request id's name), encoded once so
/// each send only serializes the message. Create it with <see cref="MessageProtocol.Outbound{T}(MessageKey)"/> and keep
/// it (a static field).
/// </summary>
/// <typeparam name="T">The message contract.</typeparam>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OutboundContract<T>
{
    private readonly PayloadWriter<T> _payload;
    private readonly OutboundTemplate _template;
    private readonly OutboundTemplate? _templateWithId;

    // Tested once: "message is null" on a value type boxes it wherever the JIT does not optimize (Debug builds).
    private readonly bool _canBeNull = default(T) is null;

    internal OutboundContract(MessageProtocol protocol, MessageKey key, PayloadWriter<T> payload, OutboundTemplate template, OutboundTemplate? templateWithId)
    {
        Protocol = protocol;
        Key = key;
        _payload = payload;
        _template = template;
        _templateWithId = templateWithId;
    }

    /// <summary>The value written to the envelope's discriminator property.</summary>
    public MessageDiscriminator Discriminator => Key.Discriminator;

    /// <summary>The discriminator, and the second-level value when the first level is routed.</summary>
    public MessageKey Key { get; }

    /// <summary>The protocol the contract belongs to.</summary>
    internal MessageProtocol Protocol { get; }

    /// <summary>How the payload is written.</summary>
    internal PayloadWriter<T> Payload => _payload;

    /// <summary>What every message of this contract starts with, up to the payload (or the request id).</summary>
    internal ReadOnlySpan<byte> Head => _template.Head;

    /// <summary>Whether <paramref name="message"/> is null, without boxing a value type.</summary>
    internal bool IsNull(T message) => _canBeNull && message is null;

    /// <inheritdoc />
    public override string ToString() => $"{typeof(T)} sent as {Key.ToDisplayString()}";

    /// <summary>
    /// Encodes <paramref name="message"/> with its envelope into <paramref name="buffer"/>, replacing what it held.
    /// Flat: the prefix, then the message's object with its opening brace turned into a comma (an empty object
    /// leaves only its closing brace). Wrapped: the prefix, the message, and the closing braces.
    /// </summary>
    /// <exception cref="InvalidOperationException">A message whose members join an envelope object did not serialize as a JSON object.</exception>
    internal void Encode(T message, EncodeBuffer buffer) => Encode(message, buffer, NoRequestId);

    /// <summary>
    /// Writes <paramref name="message"/> in its envelope into <paramref name="buffer"/>, with <paramref name="requestId"/>
    /// where the envelope's <see cref="MessageEnvelope.RequestId"/> says (none for <see cref="NoRequestId"/>).
    /// </summary>
    internal void Encode(T message, EncodeBuffer buffer, long requestId)
    {
        buffer.Clear();
        var output = buffer.Output;
        var template = requestId != NoRequestId ? _templateWithId! : _template;

        output.Write(template.Head);
        if (template.HasId)
        {
            WriteRequestId(output, Protocol.Envelope.RequestId!, requestId);
            output.Write(template.Middle);
        }

        var start = output.WrittenCount;
        var writer = buffer.Writer;
        _payload.Write(writer, message);
        writer.Flush();

        if (template.MergesPayload)
        {
            // The payload's members join an object that is already open: the envelope's root (flat) or the id's.
            var payload = output.WrittenSpan[start..];
            if (payload.IsEmpty || payload[0] != (byte)'{')
            {
                throw new InvalidOperationException(template.MergesIntoRoot
                    ? MessageErrors.FlatPayloadNotAnObject(typeof(T), payload, Protocol.Envelope)
                    : RequestErrors.PayloadNotAnObject(typeof(T), payload, Protocol.Envelope));
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
        }

        output.Write(template.Tail);
    }

    /// <summary>The request id that means "not a request".</summary>
    internal const long NoRequestId = 0;

    private static void WriteRequestId(PooledBufferWriter output, RequestIdSettings settings, long id)
    {
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
