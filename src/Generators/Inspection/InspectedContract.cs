using CpWebSocket.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>A usable sent or received type of one client, read from its symbols.</summary>
/// <param name="Type">The message type.</param>
/// <param name="Discriminator">The discriminator.</param>
/// <param name="Accessibility">The accessibility the generated members need so they do not expose the type beyond its own.</param>
internal sealed record InspectedContract(INamedTypeSymbol Type, Discriminator Discriminator, MemberAccessibility Accessibility)
{
    /// <summary>For a sent contract declared with <c>Returns</c>: its response; otherwise <see langword="null"/>.</summary>
    public InspectedRequest? Request { get; init; }
}
