using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging.Shapes;

namespace CpWebSocket.Messaging;

/// <summary>
/// The record a protocol reads the members beside the payload into (Discord's <c>s</c>, a subscription's <c>id</c>),
/// from the whole message. Made by <see cref="MessageProtocol.EnvelopeRecord{TEnvelope}"/>; read only for the handlers that
/// ask for it (<see cref="InboundContext.ReadEnvelope{TEnvelope}"/>).
/// </summary>
/// <typeparam name="TEnvelope">The envelope record.</typeparam>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EnvelopeContract<TEnvelope>
{
    private readonly JsonTypeInfo<TEnvelope> _typeInfo;
    private readonly MessageShape<TEnvelope>? _shape;
    private readonly JsonSerializerOptions _options;

    internal EnvelopeContract(JsonTypeInfo<TEnvelope> typeInfo, MessageShape<TEnvelope>? shape, JsonSerializerOptions options)
    {
        _typeInfo = typeInfo;
        _shape = shape;
        _options = options;
    }

    /// <inheritdoc />
    public override string ToString() => $"envelope {typeof(TEnvelope)}";

    internal TEnvelope Read(ReadOnlySpan<byte> message)
    {
        TEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(message, _typeInfo);
        }
        catch (Exception ex)
        {
            throw new WebSocketEnvelopeException(MessageErrors.EnvelopeNotDeserialized(typeof(TEnvelope), ex.Message), ex);
        }

        if (envelope is null)
        {
            throw new WebSocketEnvelopeException(MessageErrors.EnvelopeNotDeserialized(typeof(TEnvelope), "it deserialized to null"));
        }

        if (_shape is { } shape && shape.MayLack(envelope) && shape.FindMissing(message, _options) is { } missing)
        {
            throw new WebSocketEnvelopeException(MessageErrors.EnvelopeNotDeserialized(typeof(TEnvelope), MessageErrors.Lacks(missing, typeof(TEnvelope))));
        }

        return envelope;
    }
}
