using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging.Layout;
using CpWebSocket.Messaging.Payloads;
using CpWebSocket.Messaging.Shapes;

namespace CpWebSocket.Messaging;

/// <summary>The <see cref="InboundContract"/> of one message type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The message contract.</typeparam>
internal sealed class InboundContract<T> : InboundContract
{
    private readonly PayloadReader<T> _reader;
    private readonly MessageShape<T>? _shape;
    private readonly InboundHandler<T> _handler;

    // Tested once: "value is null" on a value type boxes it wherever the JIT does not optimize (Debug builds).
    private readonly bool _canBeNull = default(T) is null;

    public InboundContract(MessageProtocol protocol, MessageKey key, PayloadReader<T> reader, MessageShape<T>? shape, InboundHandler<T> handler)
        : base(protocol, key, typeof(T))
    {
        _reader = reader;
        _shape = shape;
        _handler = handler;
    }

    internal override JsonTypeInfo PayloadTypeInfo => _reader.TypeInfo;

    internal override bool IsValuePayload => _reader.IsValue;

    internal override InboundOutcome Deliver(MessageClient client, ReadOnlyMemory<byte> message, ReadOnlySpan<byte> payload, bool present, CancellationToken cancellationToken)
    {
        var source = present ? payload : _reader.WhenAbsent;
        T? value;
        try
        {
            value = _reader.Read(source);
        }
        catch (Exception ex)
        {
            // Whatever stopped it (bad JSON shape, a converter, the type's own constructor), the message is lost, not the connection.
            return InboundOutcome.Failed(MessageErrors.NotDeserialized(this, ex, message.Span, present));
        }

        return Complete(client, message, value, source, present, cancellationToken);
    }

    internal override InboundOutcome ReadAndDeliver(MessageClient client, ReadOnlyMemory<byte> message, ref EnvelopeScanner scanner, InboundRouter router, CancellationToken cancellationToken)
    {
        T? value;
        try
        {
            value = _reader.Read(ref scanner.Reader);
            scanner.CompleteValue();
            scanner.ReadToEnd();
        }
        catch (Exception)
        {
            // The full pass says whether the message is broken JSON or does not fit this contract, with the usual words.
            return router.RouteAgain(client, message, cancellationToken);
        }

        var json = message.Span;
        if (router.FindRepeat(json, scanner.Slots, this) is { } repeated)
        {
            return repeated;
        }

        return Complete(client, message, value, SlotValue.Raw(json, scanner.Slots[PayloadSlot]), present: true, cancellationToken);
    }

    /// <summary>
    /// Reads a record for a waiter, on arrival: <see langword="false"/> when it does not deserialize, is null or lacks a
    /// required member (the ordered pass reports that, with the usual words).
    /// </summary>
    internal bool TryRead(ReadOnlySpan<byte> payload, bool present, out T value)
    {
        var source = present ? payload : _reader.WhenAbsent;
        T? read;
        try
        {
            read = _reader.Read(source);
        }
        catch (Exception)
        {
            value = default!;
            return false;
        }

        if ((_canBeNull && read is null) || (_shape is { } shape && shape.MayLack(read!) && shape.FindMissing(source, Protocol.SerializerOptions) is not null))
        {
            value = default!;
            return false;
        }

        value = read!;
        return true;
    }

    /// <summary>Checks a deserialized record (not null, every required member) and starts its handler.</summary>
    private InboundOutcome Complete(MessageClient client, ReadOnlyMemory<byte> message, T? value, ReadOnlySpan<byte> source, bool present, CancellationToken cancellationToken)
    {
        if (_canBeNull && value is null)
        {
            return InboundOutcome.Failed(MessageErrors.DeserializedToNull(this, message.Span));
        }

        if (_shape is { } shape && shape.MayLack(value!) && shape.FindMissing(source, Protocol.SerializerOptions) is { } missing)
        {
            return InboundOutcome.Failed(MessageErrors.Incomplete(this, missing, message.Span, present));
        }

        ValueTask handling;
        try
        {
            handling = _handler(client, value!, new InboundContext(message), cancellationToken); // null was ruled out above for every T that admits it
        }
        catch (Exception ex)
        {
            // Reported like an asynchronous fault, so the error names this contract either way.
            handling = ValueTask.FromException(ex);
        }

        return InboundOutcome.Handled(this, handling);
    }
}
