using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// What one <c>[WebSocketClient]</c> class declares, after the rules of <see cref="ClientInspector"/>:
/// whether it can be generated at all, and which of its contracts are usable.
/// </summary>
internal sealed class ClientInspection
{
    /// <summary>Creates the result of an inspection.</summary>
    public ClientInspection(
        INamedTypeSymbol client,
        bool canGenerate,
        string discriminatorProperty,
        string? payloadProperty,
        INamedTypeSymbol? serializerContext,
        IReadOnlyList<InspectedContract> sent,
        IReadOnlyList<InspectedContract> received,
        InspectedRequestId? requestId)
    {
        Client = client;
        CanGenerate = canGenerate;
        DiscriminatorProperty = discriminatorProperty;
        PayloadProperty = payloadProperty;
        SerializerContext = serializerContext;
        Sent = sent;
        Received = received;
        RequestId = requestId;
    }

    /// <summary>The client class.</summary>
    public INamedTypeSymbol Client { get; }

    /// <summary>False when the class itself is unusable (not partial, generic, bad envelope...): nothing is generated.</summary>
    public bool CanGenerate { get; }

    /// <summary>The JSON property that carries the discriminator.</summary>
    public string DiscriminatorProperty { get; }

    /// <summary>The JSON property that wraps the payload, or <see langword="null"/> for flat messages.</summary>
    public string? PayloadProperty { get; }

    /// <summary>The serializer context, or <see langword="null"/> for reflection-based serialization.</summary>
    public INamedTypeSymbol? SerializerContext { get; }

    /// <summary>The usable sent types, in declaration order; invalid ones are left out.</summary>
    public IReadOnlyList<InspectedContract> Sent { get; }

    /// <summary>The usable received types, in declaration order; invalid ones are left out.</summary>
    public IReadOnlyList<InspectedContract> Received { get; }

    /// <summary>The client's request id settings, or <see langword="null"/> when it names no <c>RequestIdProperty</c>.</summary>
    public InspectedRequestId? RequestId { get; }
}
