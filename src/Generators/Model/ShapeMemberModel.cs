namespace CpWebSocket.Generators.Model;

/// <summary>One member of a <see cref="ShapeModel"/>. Holds only strings, bools and enums (see <see cref="ClientModel"/>).</summary>
/// <param name="MemberName">The member, as a C# identifier.</param>
/// <param name="JsonName">Its JSON name, as the serializer writes it.</param>
/// <param name="Required">Whether messages must carry it.</param>
/// <param name="Test">How a missing value shows in the deserialized record.</param>
/// <param name="TypeName">The <c>global::</c> name of the member's type, for <see cref="ShapeTest.Default"/>.</param>
/// <param name="ValueShape">The field of the shape of its value, when it is an object with a shape; else <see langword="null"/>.</param>
/// <param name="ItemsShape">The field of the shape of its elements, when it is a collection of objects with a shape; else <see langword="null"/>.</param>
/// <param name="IsNullableStruct">Whether the member is a <c>Nullable&lt;T&gt;</c>, read with <c>GetValueOrDefault()</c>.</param>
internal sealed record ShapeMemberModel(
    string MemberName,
    string JsonName,
    bool Required,
    ShapeTest Test,
    string? TypeName,
    string? ValueShape,
    string? ItemsShape,
    bool IsNullableStruct);
