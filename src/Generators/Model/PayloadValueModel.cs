namespace CpWebSocket.Generators.Model;

/// <summary>
/// The <c>[PayloadValue]</c> member of a contract whose payload is a value rather than an object. Holds only strings
/// and bools (see <see cref="ClientModel"/>).
/// </summary>
/// <param name="MemberName">The member, as a C# identifier.</param>
/// <param name="ValueTypeName">The <c>global::</c> name of the member's type, with <c>?</c> when nullable.</param>
/// <param name="ByConstructor">True when the record is built with <c>new T(value)</c>; false for <c>new T { Member = value }</c>.</param>
internal sealed record PayloadValueModel(string MemberName, string ValueTypeName, bool ByConstructor);
