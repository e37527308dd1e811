namespace CpWebSocket.Generators.Model;

/// <summary>A message key: its first-level value and, for a routed first level, its second. Holds only strings and enums.</summary>
/// <param name="Kind">Whether the first-level value is a string or an integer.</param>
/// <param name="Value">The string value, or the integer in invariant decimal digits.</param>
/// <param name="Second">The second-level value, or <see langword="null"/>.</param>
internal sealed record KeyModel(DiscriminatorKind Kind, string Value, SecondLevelModel? Second = null);
