namespace CpWebSocket.Messaging.Layout;

/// <summary>What a member of a sent message is, while its template is built.</summary>
internal enum TemplateKind
{
    /// <summary>An object the envelope opens: the root, or one on a path.</summary>
    Object,

    /// <summary>A value encoded once (a discriminator or a constant).</summary>
    Literal,

    /// <summary>The request id, written per message.</summary>
    Id,

    /// <summary>The serialized payload, written per message.</summary>
    Payload,
}

/// <summary>One member of a sent message's template: an object with named children, or a leaf.</summary>
internal sealed class TemplateNode
{
    private readonly List<TemplateNode> _children = [];

    public TemplateNode(string name, TemplateKind kind = TemplateKind.Object, byte[]? literal = null)
    {
        Name = name;
        Kind = kind;
        Literal = literal;
    }

    public string Name { get; private set; }

    public TemplateKind Kind { get; }

    public byte[]? Literal { get; }

    /// <summary>For an object the payload merges into: its members come last, after the envelope's.</summary>
    public bool PayloadLast { get; set; }

    public IReadOnlyList<TemplateNode> Children => _children;

    public string[] ChildNames => [.. _children.Select(child => child.Name)];

    /// <summary>Whether the payload is this node, merges into it, or stands somewhere inside it.</summary>
    public bool HoldsPayload => Kind == TemplateKind.Payload || PayloadLast || _children.Any(child => child.HoldsPayload);

    public static TemplateNode ForLiteral(byte[] value) => new(string.Empty, TemplateKind.Literal, value);

    public static TemplateNode ForId() => new(string.Empty, TemplateKind.Id);

    public static TemplateNode ForPayload() => new(string.Empty, TemplateKind.Payload);

    /// <summary>Puts <paramref name="leaf"/> at <paramref name="path"/>, opening the objects on the way.</summary>
    /// <exception cref="ArgumentException">Something else already stands at the path or on the way to it.</exception>
    public void Add(string[] path, TemplateNode leaf)
    {
        var node = this;
        for (var i = 0; i < path.Length; i++)
        {
            var existing = node._children.Find(child => child.Name == path[i]);
            var last = i == path.Length - 1;
            if (existing is not null && (last || existing.Kind != TemplateKind.Object))
            {
                throw new ArgumentException($"Two members of the envelope would be written at '{JsonPath.Join(path[..(i + 1)])}'; each needs a place of its own.");
            }

            if (last)
            {
                leaf.Name = path[i];
                node._children.Add(leaf);
                return;
            }

            if (existing is null)
            {
                existing = new TemplateNode(path[i]);
                node._children.Add(existing);
            }

            node = existing;
        }
    }

    /// <summary>The node at <paramref name="path"/>, or <see langword="null"/>.</summary>
    public TemplateNode? Find(string[] path)
    {
        var node = this;
        foreach (var name in path)
        {
            node = node._children.Find(child => child.Name == name);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
