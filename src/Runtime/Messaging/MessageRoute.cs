using System.ComponentModel;
using CpWebSocket.Messaging.Layout;
namespace CpWebSocket.Messaging;

/// <summary>
/// A second routing level for the messages of one first-level discriminator value: where their second-level value
/// stands and where their record is read from, both as dotted paths from the root of the message (see
/// <see cref="RouteAttribute"/>).
/// </summary>
/// <example>
/// <code language="csharp">
/// new MessageRoute(5, "d.eventType", "d.eventData");          // OBS events
/// new MessageRoute("event", "event.event_type", "event.data"); // Home Assistant events
/// new MessageRoute(0, "t", "d");                               // Discord dispatches
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageRoute
{
    /// <summary>Describes a route.</summary>
    /// <param name="discriminator">The first-level value routed further.</param>
    /// <param name="by">The dotted path of the second-level value.</param>
    /// <param name="payload">The dotted path of the record, or <see langword="null"/> for the envelope's payload (the whole message when flat).</param>
    /// <exception cref="ArgumentException">A path is empty or has an empty segment.</exception>
    public MessageRoute(MessageDiscriminator discriminator, string by, string? payload = null)
    {
        JsonPath.Validate(by, nameof(by));
        if (payload is not null)
        {
            JsonPath.Validate(payload, nameof(payload));
        }

        Discriminator = discriminator;
        By = by;
        Payload = payload;
    }

    /// <summary>The first-level value routed further.</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>The dotted path of the second-level value.</summary>
    public string By { get; }

    /// <summary>The dotted path of the record, or <see langword="null"/> for the envelope's payload.</summary>
    public string? Payload { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Discriminator.ToDisplayString()} by '{By}'" + (Payload is null ? string.Empty : $", payload '{Payload}'");
}
