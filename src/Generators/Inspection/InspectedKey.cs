using CpWebSocket.Generators.Model;

namespace CpWebSocket.Generators.Inspection;

/// <summary>A <c>[Message]</c> key: its first-level value and, for a routed first level, its second.</summary>
/// <param name="First">The first-level value.</param>
/// <param name="Second">The second-level value, or <see langword="null"/>.</param>
internal readonly record struct InspectedKey(Discriminator First, Discriminator? Second)
{
    /// <summary>Whether the second level is a prefix pattern (a string ending in <c>*</c>).</summary>
    public bool IsPattern => Second is { Kind: DiscriminatorKind.String } second && second.StringValue!.EndsWith("*", System.StringComparison.Ordinal);

    /// <summary>The key for the model.</summary>
    public KeyModel ToModel() => new(First.Kind, First.ModelValue, Second is { } second ? new SecondLevelModel(second.Kind, second.ModelValue) : null);

    /// <summary>The key as C# source, for messages: <c>5, "GetVersion"</c>.</summary>
    public override string ToString() => Second is { } second ? First + ", " + second : First.ToString();
}
