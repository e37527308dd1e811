using CpWebSocket.Messaging;

namespace CpWebSocket.Testing;

/// <summary>How a message the test sends to the client is laid out beyond its contract.</summary>
public sealed class PeerSendOptions
{
    /// <summary>
    /// The second-level value to write: needed for a contract received by a pattern (<c>[Message("subscription", "ticker.*")]</c>
    /// takes <c>"ticker.BTC-PERPETUAL.100ms"</c>), and to send another value than the contract's (one the client does
    /// not know, say). <see langword="null"/> writes the contract's own.
    /// </summary>
    public MessageDiscriminator? SecondDiscriminator { get; init; }

    /// <summary>
    /// Members to write beside the payload, such as a sequence number or a subscription id: an envelope record (the
    /// client's <c>Envelope</c> type), an anonymous object or a <see cref="System.Text.Json.Nodes.JsonObject"/>, serialized
    /// with the client's settings. A member the message holds already (the discriminator, the payload, the request id)
    /// keeps the message's value.
    /// </summary>
    public object? Envelope { get; init; }
}
