namespace CpWebSocket.Messaging;

/// <summary>
/// One received message type of a <see cref="MessageProtocol"/>: its discriminator, its JSON metadata and
/// the handler that receives it. Create it with <see cref="MessageProtocol.Inbound{T}"/> and pass it to
/// <see cref="MessageProtocol.CreateRouter"/>.
/// </summary>
public abstract class InboundContract
{
    private protected InboundContract(MessageProtocol protocol, MessageDiscriminator discriminator, Type messageType)
    {
        Protocol = protocol;
        Discriminator = discriminator;
        MessageType = messageType;
    }

    /// <summary>The discriminator value that routes a message to this contract.</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>The type messages are deserialized into.</summary>
    public Type MessageType { get; }

    /// <summary>The protocol the contract belongs to.</summary>
    internal MessageProtocol Protocol { get; }

    /// <inheritdoc />
    public override string ToString() => $"{MessageType} received as {Discriminator.ToDisplayString()}";

    /// <summary>Deserializes a routed message and starts its handler.</summary>
    /// <param name="client">The client the message arrived on.</param>
    /// <param name="message">The whole message, for error reports.</param>
    /// <param name="payload">What to deserialize: the whole message when flat, the payload property's value when wrapped.</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    /// <returns>The handler's task (faulted when it threw), or the deserialization error.</returns>
    internal abstract InboundOutcome Deliver(MessageClient client, ReadOnlySpan<byte> message, ReadOnlySpan<byte> payload, CancellationToken cancellationToken);
}
