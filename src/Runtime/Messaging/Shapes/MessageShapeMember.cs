using System.ComponentModel;
using System.Text;

namespace CpWebSocket.Messaging.Shapes;

/// <summary>
/// One member of a <see cref="MessageShape"/>: its JSON name, whether a message must carry it (present and not
/// <c>null</c>), and the shape of its value when that is an object or an array of objects whose members are checked too.
/// </summary>
/// <example>
/// <code language="csharp">
/// new MessageShapeMember("room");                                   // required
/// new MessageShapeMember("error", required: false, value: errorShape);  // optional, but checked when present
/// new MessageShapeMember("bids", items: levelShape);                // required, each element checked
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageShapeMember
{
    /// <summary>Describes a member.</summary>
    /// <param name="name">The member's JSON name, as the serializer writes it.</param>
    /// <param name="required">Whether a message must carry it, present and not <c>null</c>.</param>
    /// <param name="value">The shape of its value, when it is an object whose members are checked.</param>
    /// <param name="items">The shape of its elements, when it is an array of objects whose members are checked.</param>
    public MessageShapeMember(string name, bool required = true, MessageShape? value = null, MessageShape? items = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        Required = required;
        Value = value;
        Items = items;
    }

    /// <summary>The member's JSON name.</summary>
    public string Name { get; }

    /// <summary>Whether a message must carry the member, present and not <c>null</c>.</summary>
    public bool Required { get; }

    /// <summary>The shape of the member's value, or <see langword="null"/>.</summary>
    public MessageShape? Value { get; }

    /// <summary>The shape of the member's elements, or <see langword="null"/>.</summary>
    public MessageShape? Items { get; }

    internal byte[] NameUtf8 { get; }

    /// <inheritdoc />
    public override string ToString() => Required ? Name : Name + "?";
}
