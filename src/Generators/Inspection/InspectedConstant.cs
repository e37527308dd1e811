namespace CpWebSocket.Generators.Inspection;

/// <summary>A usable <c>[EnvelopeConstant]</c> of a client.</summary>
/// <param name="Property">The dotted path of the member.</param>
/// <param name="Literal">The value as a C# literal.</param>
internal sealed record InspectedConstant(string Property, string Literal);
