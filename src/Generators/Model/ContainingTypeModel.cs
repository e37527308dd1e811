namespace CpWebSocket.Generators.Model;

/// <summary>
/// A type a client class is nested in, re-declared as partial around the generated members.
/// Holds only strings and enums (see <see cref="ClientModel"/>).
/// </summary>
/// <param name="Kind">The declaration keyword to repeat.</param>
/// <param name="Name">The type name as a C# identifier (keywords escaped).</param>
/// <param name="TypeParameterList">The type parameter list (<c>&lt;TKey, TValue&gt;</c>), or an empty string.</param>
internal sealed record ContainingTypeModel(
    ContainingTypeKind Kind,
    string Name,
    string TypeParameterList);
