using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// What one <c>[WebSocketClient]</c> class declares, after the rules of <see cref="ClientInspector"/>:
/// whether it can be generated at all, and which of its declarations are usable.
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

    /// <summary>The usable routes, in declaration order.</summary>
    public IReadOnlyList<InspectedRoute> Routes { get; init; } = [];

    /// <summary>The usable constant members, in declaration order.</summary>
    public IReadOnlyList<InspectedConstant> Constants { get; init; } = [];

    /// <summary>The naming policy, number handling and ignore condition the client declares.</summary>
    public ContextSettings Declared { get; init; } = new(JsonPropertyNames.CamelCase, TypeNames.AllowReadingFromString, TypeNames.IgnoreNever);

    /// <summary>The naming policy names are written with: the context's, or the declared one.</summary>
    public int NamingPolicy { get; init; } = JsonPropertyNames.CamelCase;

    /// <summary>The envelope record, or <see langword="null"/>.</summary>
    public INamedTypeSymbol? Envelope { get; init; }

    /// <summary>The error response type and its key, or <see langword="null"/>.</summary>
    public (INamedTypeSymbol Type, InspectedKey Key)? ErrorResponse { get; init; }

    /// <summary>The misdeclarations the analyzers of the newer rules report; the generator leaves them out.</summary>
    public IReadOnlyList<DeclarationProblem> Problems { get; init; } = [];
}
