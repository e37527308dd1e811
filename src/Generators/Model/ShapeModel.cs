namespace CpWebSocket.Generators.Model;

/// <summary>
/// The members one type read by a client must carry, for its generated <c>MessageShape&lt;T&gt;</c>. Holds only
/// strings and arrays of members (see <see cref="ClientModel"/>).
/// </summary>
/// <param name="TypeName">The <c>global::</c> name of the type.</param>
/// <param name="FieldName">The static field the shape is kept in.</param>
/// <param name="Members">The members checked, in declaration order.</param>
internal sealed record ShapeModel(string TypeName, string FieldName, EquatableArray<ShapeMemberModel> Members);
