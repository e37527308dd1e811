namespace CpWebSocket.Generators.Model;

/// <summary>The second-level value of a two-level key. Holds only strings and enums (see <see cref="ClientModel"/>).</summary>
/// <param name="Kind">Whether the value is a string or an integer.</param>
/// <param name="Value">The string value (a pattern ends in <c>*</c>), or the integer in invariant decimal digits.</param>
internal sealed record SecondLevelModel(DiscriminatorKind Kind, string Value);
