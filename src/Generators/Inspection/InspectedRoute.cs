using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>A usable <c>[Route]</c> of a client.</summary>
/// <param name="Attribute">The attribute, for locations.</param>
/// <param name="Value">The first-level value it routes.</param>
/// <param name="By">The dotted path of the second-level value.</param>
/// <param name="Payload">The dotted path of the payload, or <see langword="null"/> for the envelope's.</param>
internal sealed record InspectedRoute(AttributeData Attribute, Discriminator Value, string By, string? Payload);
