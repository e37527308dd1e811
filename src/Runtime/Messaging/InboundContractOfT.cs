using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CpWebSocket.Messaging;

/// <summary>The <see cref="InboundContract"/> of one message type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The message contract.</typeparam>
internal sealed class InboundContract<T> : InboundContract
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly InboundHandler<T> _handler;

    // Tested once: "value is null" on a value type boxes it wherever the JIT does not optimize (Debug builds).
    private readonly bool _canBeNull = default(T) is null;

    public InboundContract(MessageProtocol protocol, MessageDiscriminator discriminator, JsonTypeInfo<T> typeInfo, InboundHandler<T> handler)
        : base(protocol, discriminator, typeof(T))
    {
        _typeInfo = typeInfo;
        _handler = handler;
    }

    internal override InboundOutcome Deliver(MessageClient client, ReadOnlySpan<byte> message, ReadOnlySpan<byte> payload, CancellationToken cancellationToken)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(payload, _typeInfo);
        }
        catch (Exception ex)
        {
            // Whatever stopped it (bad JSON shape, a converter, the type's own constructor), the message is lost, not the connection.
            return InboundOutcome.Failed(MessageErrors.NotDeserialized(this, ex, message));
        }

        if (_canBeNull && value is null)
        {
            return InboundOutcome.Failed(MessageErrors.DeserializedToNull(this, message));
        }

        ValueTask handling;
        try
        {
            handling = _handler(client, value!, cancellationToken); // null was ruled out above for every T that admits it
        }
        catch (Exception ex)
        {
            // Reported like an asynchronous fault, so the error names this contract either way.
            handling = ValueTask.FromException(ex);
        }

        return InboundOutcome.Handled(this, handling);
    }
}
