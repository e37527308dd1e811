using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>The <c>[PayloadValue]</c> member of a contract.</summary>
/// <param name="Member">The property or field.</param>
/// <param name="ValueType">Its type.</param>
/// <param name="ByConstructor">Whether the record is built by a constructor that takes the value.</param>
internal sealed record InspectedPayloadValue(ISymbol Member, ITypeSymbol ValueType, bool ByConstructor);
