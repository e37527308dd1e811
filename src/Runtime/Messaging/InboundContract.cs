using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging.Layout;

namespace CpWebSocket.Messaging;

/// <summary>
/// One received message type of a <see cref="MessageProtocol"/>: its key, its JSON metadata, where its record stands
/// and the handler that receives it. Create it with <see cref="MessageProtocol.Inbound{T}"/> and pass it to
/// <see cref="MessageProtocol.CreateRouter"/>.
/// </summary>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class InboundContract
{
    private protected InboundContract(MessageProtocol protocol, MessageKey key, Type messageType)
    {
        var route = protocol.Layout.RouteOf(key.Discriminator);
        if (key.Second is not null && route is null)
        {
            throw new ArgumentException($"The inbound contract for {messageType} has the key {key.ToDisplayString()}, but the envelope has no route for {key.Discriminator.ToDisplayString()}; add a MessageRoute for it, or use a one-level key.", nameof(key));
        }

        if (key.Second is null && route is not null)
        {
            throw new ArgumentException($"The inbound contract for {messageType} has the one-level key {key.ToDisplayString()}, but the envelope routes {key.Discriminator.ToDisplayString()} by '{route.Route.By}'; give it a second-level value.", nameof(key));
        }

        if (key.Second is { IsString: false } && key.IsPattern)
        {
            throw new ArgumentException("Only string values can be patterns.", nameof(key));
        }

        Protocol = protocol;
        Key = key;
        MessageType = messageType;
        Name = messageType.Name;
        Route = route;
        PayloadSlot = route is not null ? route.PayloadSlot : protocol.Layout.PayloadSlot;
    }

    /// <summary>The first-level discriminator value that routes a message to this contract.</summary>
    public MessageDiscriminator Discriminator => Key.Discriminator;

    /// <summary>The discriminator, and the second-level value (or pattern) when its first level is routed.</summary>
    public MessageKey Key { get; }

    /// <summary>The type messages are deserialized into.</summary>
    public Type MessageType { get; }

    /// <summary>The contract's name as a metrics tag value: its type's name, computed once.</summary>
    internal string Name { get; }

    /// <summary>The protocol the contract belongs to.</summary>
    internal MessageProtocol Protocol { get; }

    /// <summary>The route of its first-level value, or <see langword="null"/> for a one-level contract.</summary>
    internal RouteLayout? Route { get; }

    /// <summary>The slot of the layout its payload is read from, or -1 for the whole message.</summary>
    internal int PayloadSlot { get; }

    /// <summary>The dotted path of its payload, for messages; <see langword="null"/> for the whole message.</summary>
    internal string? PayloadPath => PayloadSlot < 0 ? null : Protocol.Layout.PathOf(PayloadSlot);

    /// <summary>The serializer metadata of what its payload is read as: the record, or its <c>[PayloadValue]</c> member.</summary>
    internal abstract JsonTypeInfo PayloadTypeInfo { get; }

    /// <summary>Whether its payload is the value of a <c>[PayloadValue]</c> member rather than the record as an object.</summary>
    internal abstract bool IsValuePayload { get; }

    /// <inheritdoc />
    public override string ToString() => $"{MessageType} received as {Key.ToDisplayString()}";

    /// <summary>Deserializes a routed message and starts its handler.</summary>
    /// <param name="client">The client the message arrived on.</param>
    /// <param name="message">The whole message, for the handler's context and error reports.</param>
    /// <param name="payload">What to deserialize: the whole message when flat, the payload's value when wrapped.</param>
    /// <param name="present">False when the payload is absent or JSON <c>null</c>: the record is then read from nothing.</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    /// <returns>The handler's task (faulted when it threw), or the deserialization error.</returns>
    internal abstract InboundOutcome Deliver(MessageClient client, ReadOnlyMemory<byte> message, ReadOnlySpan<byte> payload, bool present, CancellationToken cancellationToken);

    /// <summary>
    /// Deserializes the payload the scanner stands at, in place, finishes the pass over the message, and starts the
    /// handler: one read of the payload instead of a skip and a second read. Whatever fails there hands the message to
    /// <see cref="InboundRouter.RouteAgain"/>, whose full pass reports it as usual.
    /// </summary>
    /// <param name="client">The client the message arrived on.</param>
    /// <param name="message">The whole message.</param>
    /// <param name="scanner">The pass, paused at this contract's payload.</param>
    /// <param name="router">The router, for the checks of the rest of the message.</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    internal abstract InboundOutcome ReadAndDeliver(MessageClient client, ReadOnlyMemory<byte> message, ref EnvelopeScanner scanner, InboundRouter router, CancellationToken cancellationToken);
}
