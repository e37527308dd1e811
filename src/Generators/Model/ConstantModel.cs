namespace CpWebSocket.Generators.Model;

/// <summary>An <c>[EnvelopeConstant]</c> of a client. Holds only strings (see <see cref="ClientModel"/>).</summary>
/// <param name="Property">The dotted path of the member.</param>
/// <param name="Literal">The value as a C# literal: <c>"2.0"</c>, <c>5L</c>, <c>true</c>.</param>
internal sealed record ConstantModel(string Property, string Literal);
