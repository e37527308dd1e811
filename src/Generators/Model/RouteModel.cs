namespace CpWebSocket.Generators.Model;

/// <summary>A <c>[Route]</c> of a client. Holds only strings and enums (see <see cref="ClientModel"/>).</summary>
/// <param name="Kind">Whether the first-level value is a string or an integer.</param>
/// <param name="Value">The first-level value.</param>
/// <param name="By">The dotted path of the second-level value.</param>
/// <param name="Payload">The dotted path of the payload, or <see langword="null"/> for the envelope's.</param>
internal sealed record RouteModel(DiscriminatorKind Kind, string Value, string By, string? Payload);
