using CpWebSocket.Messaging;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>One of the four envelope shapes: flat or wrapped, string or integer discriminators.</summary>
public sealed class EnvelopeCase
{
    private EnvelopeCase(string name, MessageEnvelope envelope, bool stringDiscriminators)
    {
        Name = name;
        Envelope = envelope;
        StringDiscriminators = stringDiscriminators;
    }

    public static IReadOnlyList<EnvelopeCase> All { get; } =
    [
        new("flat, string", new MessageEnvelope("type"), stringDiscriminators: true),
        new("wrapped, string", new MessageEnvelope("type", "data"), stringDiscriminators: true),
        new("flat, integer", new MessageEnvelope("op"), stringDiscriminators: false),
        new("wrapped, integer", new MessageEnvelope("op", "d"), stringDiscriminators: false),
    ];

    public string Name { get; }

    public MessageEnvelope Envelope { get; }

    public bool StringDiscriminators { get; }

    /// <summary>A protocol of this envelope over <see cref="PropertyJsonContext"/>.</summary>
    public MessageProtocol CreateProtocol() => MessageProtocol.Create(Envelope, PropertyJsonContext.Default);

    /// <summary>A discriminator of this case's kind: <paramref name="text"/> or <paramref name="number"/>.</summary>
    public MessageDiscriminator Discriminator(string text, long number) => StringDiscriminators ? text : number;

    public override string ToString() => Name;
}
