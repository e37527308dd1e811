using System.ComponentModel;

namespace CpWebSocket.Messaging;

/// <summary>
/// How messages are laid out on the wire: the property that carries the discriminator, whether the
/// message's own properties stand next to it (flat) or inside a payload property (wrapped), where request ids stand,
/// which first-level values are routed further (<see cref="Routes"/>), and which members every sent message carries
/// (<see cref="Constants"/>).
/// </summary>
/// <example>
/// <code language="csharp">
/// new MessageEnvelope();                 // {"type":"chat.say","room":"lobby","text":"hi"}
/// new MessageEnvelope("op", "d");        // {"op":"chat.say","d":{"room":"lobby","text":"hi"}}
/// new MessageEnvelope("type", null, new RequestIdSettings("id"));   // requests: {"type":"rooms.get","id":7}
/// new MessageEnvelope("op", "d") { Routes = [new MessageRoute(5, "d.eventType", "d.eventData")] };
/// new MessageEnvelope("method", "params") { Constants = [new MessageConstant("jsonrpc", "2.0")] };
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageEnvelope
{
    /// <summary>Describes an envelope.</summary>
    /// <param name="discriminatorProperty">The JSON property that carries the discriminator. Default <c>"type"</c>.</param>
    /// <param name="payloadProperty">The JSON property that carries the message, or <see langword="null"/> for flat messages.</param>
    /// <exception cref="ArgumentException">A property name is empty, or both names are the same.</exception>
    public MessageEnvelope(string discriminatorProperty = "type", string? payloadProperty = null)
        : this(discriminatorProperty, payloadProperty, null)
    {
    }

    /// <summary>Describes an envelope whose requests carry ids.</summary>
    /// <param name="discriminatorProperty">The JSON property that carries the discriminator.</param>
    /// <param name="payloadProperty">The JSON property that carries the message, or <see langword="null"/> for flat messages.</param>
    /// <param name="requestId">Where and how request ids are written, or <see langword="null"/> for an envelope without requests.</param>
    /// <exception cref="ArgumentException">A property name is empty, or two of them are the same at the same level.</exception>
    public MessageEnvelope(string discriminatorProperty, string? payloadProperty, RequestIdSettings? requestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(discriminatorProperty);
        if (payloadProperty is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(payloadProperty);
            if (string.Equals(payloadProperty, discriminatorProperty, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The payload property and the discriminator property are both '{payloadProperty}'; a wrapped envelope needs two different names.",
                    nameof(payloadProperty));
            }
        }

        if (requestId is not null && (payloadProperty is null || requestId.Location == RequestIdLocation.Envelope)
            && (string.Equals(requestId.Property, discriminatorProperty, StringComparison.Ordinal)
                || string.Equals(requestId.Property, payloadProperty, StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"The request id property '{requestId.Property}' is also the envelope's discriminator or payload property; the id needs a name of its own.",
                nameof(requestId));
        }

        DiscriminatorProperty = discriminatorProperty;
        PayloadProperty = payloadProperty;
        RequestId = requestId;
    }

    /// <summary>Where and how request ids are written; <see langword="null"/> when the envelope has no requests.</summary>
    public RequestIdSettings? RequestId { get; }

    /// <summary>Whether the request id stands inside the payload object of a wrapped envelope.</summary>
    internal bool RequestIdInPayload => IsWrapped && RequestId is { Location: RequestIdLocation.Payload };

    /// <summary>The JSON property that carries the discriminator; matched exactly (case-sensitive).</summary>
    public string DiscriminatorProperty { get; }

    /// <summary>The JSON property that carries the message when wrapped; <see langword="null"/> when flat.</summary>
    public string? PayloadProperty { get; }

    /// <summary>Whether messages sit inside <see cref="PayloadProperty"/> rather than next to the discriminator.</summary>
    public bool IsWrapped => PayloadProperty is not null;

    /// <summary>
    /// The first-level values whose messages are routed further by a second value; none by default. Checked when a
    /// <see cref="MessageProtocol"/> is created with the envelope.
    /// </summary>
    public IReadOnlyList<MessageRoute> Routes { get; init; } = [];

    /// <summary>The members written into every sent message; none by default.</summary>
    public IReadOnlyList<MessageConstant> Constants { get; init; } = [];


    /// <inheritdoc />
    public override string ToString() =>
        IsWrapped ? $"wrapped: '{DiscriminatorProperty}' + '{PayloadProperty}'" : $"flat: '{DiscriminatorProperty}'";
}
