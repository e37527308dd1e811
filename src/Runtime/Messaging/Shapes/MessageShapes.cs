using System.ComponentModel;

namespace CpWebSocket.Messaging.Shapes;

/// <summary>
/// The shapes of the types a protocol reads, by type, handed to <see cref="MessageProtocol.Create"/>: each received
/// contract, response and envelope of that type is checked against its shape.
/// </summary>
/// <example>
/// <code language="csharp">
/// var shapes = new MessageShapes().Add(SaidShape).Add(JoinedShape);
/// var protocol = MessageProtocol.Create(new MessageEnvelope(), ChatJsonContext.Default, shapes);
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageShapes
{
    private readonly Dictionary<Type, MessageShape> _shapes = [];

    /// <summary>How many types have a shape.</summary>
    public int Count => _shapes.Count;

    /// <summary>Adds the shape of one type.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>This collection.</returns>
    /// <exception cref="ArgumentException">The type already has a shape.</exception>
    public MessageShapes Add(MessageShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!_shapes.TryAdd(shape.Type, shape))
        {
            throw new ArgumentException($"{shape.Type} already has a shape.", nameof(shape));
        }

        return this;
    }

    /// <summary>The shape of <typeparamref name="T"/>, or <see langword="null"/>.</summary>
    internal MessageShape<T>? Find<T>() => _shapes.GetValueOrDefault(typeof(T)) as MessageShape<T>;

    /// <summary>The shape of <paramref name="type"/>, or <see langword="null"/>.</summary>
    internal MessageShape? Find(Type type) => _shapes.GetValueOrDefault(type);
}
