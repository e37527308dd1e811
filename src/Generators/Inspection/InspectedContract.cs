using CpWebSocket.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>A usable sent or received type of one client, read from its symbols.</summary>
/// <param name="Type">The message type.</param>
/// <param name="Key">The discriminator, and the second-level value of a routed first level.</param>
/// <param name="Accessibility">The accessibility the generated members need so they do not expose the type beyond its own.</param>
/// <param name="Attribute">The <c>[Sends]</c> or <c>[Receives]</c> that lists it, for locations.</param>
internal sealed record InspectedContract(INamedTypeSymbol Type, InspectedKey Key, MemberAccessibility Accessibility, AttributeData Attribute)
{
    /// <summary>The first-level discriminator.</summary>
    public Discriminator Discriminator => Key.First;

    /// <summary>For a sent contract declared with <c>Returns</c>: its response; otherwise <see langword="null"/>.</summary>
    public InspectedRequest? Request { get; init; }

    /// <summary>The member that is the whole payload, or <see langword="null"/>.</summary>
    public InspectedPayloadValue? PayloadValue { get; init; }
}
