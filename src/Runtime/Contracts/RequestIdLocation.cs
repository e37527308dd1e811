namespace CpWebSocket;

/// <summary>Where a request id stands in a message (<see cref="WebSocketClientAttribute.RequestIdLocation"/>).</summary>
public enum RequestIdLocation
{
    /// <summary>At the top level of the message, next to the discriminator: <c>{"type":"rooms.get","id":7,...}</c>.</summary>
    Envelope,

    /// <summary>
    /// Inside the payload of a wrapped envelope: <c>{"op":"rooms.get","d":{"id":7,...}}</c>. The payload must be a
    /// JSON object. For a flat envelope this is the same as <see cref="Envelope"/>.
    /// </summary>
    Payload,
}
