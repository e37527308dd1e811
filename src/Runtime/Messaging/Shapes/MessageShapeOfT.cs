using System.ComponentModel;

namespace CpWebSocket.Messaging.Shapes;

/// <summary>The <see cref="MessageShape"/> of one type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The type described.</typeparam>
/// <example>
/// <code language="csharp">
/// // record Said(string Room, string From, string Text)
/// new MessageShape&lt;Said&gt;(
///     static m => m.Room is null || m.From is null || m.Text is null,
///     new("room"), new("from"), new("text"));
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageShape<T> : MessageShape
{
    // Tested once: "value is null" on a value type boxes it wherever the JIT does not optimize (Debug builds).
    private static readonly bool CanBeNull = default(T) is null;

    private readonly Func<T, bool> _mayLack;

    /// <summary>Describes <typeparamref name="T"/>.</summary>
    /// <param name="mayLack">
    /// True when a deserialized value might lack a required member: one of them is <c>null</c> or default, or a nested
    /// value might lack one. False means the value certainly has them all, and the JSON is not looked at again.
    /// </param>
    /// <param name="members">The members checked.</param>
    public MessageShape(Func<T, bool> mayLack, params MessageShapeMember[] members)
        : base(typeof(T), members)
    {
        ArgumentNullException.ThrowIfNull(mayLack);
        _mayLack = mayLack;
    }

    /// <summary>Whether <paramref name="value"/> might lack a required member (see the constructor).</summary>
    /// <param name="value">A deserialized value.</param>
    /// <returns>False when it certainly has them all.</returns>
    public bool MayLack(T? value) => !(CanBeNull && value is null) && _mayLack(value!);

    /// <summary>Whether any of <paramref name="items"/> might lack a required member, for arrays of objects with shapes.</summary>
    /// <param name="items">The deserialized elements, or <see langword="null"/>.</param>
    /// <returns>False when every element certainly has them all.</returns>
    public bool AnyMayLack(IEnumerable<T>? items)
    {
        switch (items)
        {
            case null:
                return false;
            case IReadOnlyList<T> list:
                // Indexed, so that a List<T> or an array is walked without an enumerator.
                for (var i = 0; i < list.Count; i++)
                {
                    if (MayLack(list[i]))
                    {
                        return true;
                    }
                }

                return false;
            default:
                foreach (var item in items)
                {
                    if (MayLack(item))
                    {
                        return true;
                    }
                }

                return false;
        }
    }
}
