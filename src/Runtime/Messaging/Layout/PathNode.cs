using System.Text;
using System.Text.Json;

namespace CpWebSocket.Messaging.Layout;

/// <summary>
/// One property name on the paths a layout watches: a slot to record its value in, the names watched inside it, or
/// both (a payload object that also holds a second-level discriminator). Built once per protocol, read-only after.
/// </summary>
internal sealed class PathNode
{
    private PathNode[] _children = [];

    public PathNode(string name, int index)
    {
        Name = name;
        Index = index;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The node's position in <see cref="EnvelopeLayout.Node"/>, kept on the scanner's stack.</summary>
    public int Index { get; }

    /// <summary>Whether some contract's record is this member's value, so a scan pauses there.</summary>
    public bool IsPayload { get; set; }

    public string Name { get; }

    public byte[] NameUtf8 { get; }

    /// <summary>The slot this member's value is recorded in, or -1 when only its children are watched.</summary>
    public int Slot { get; set; } = -1;

    public ReadOnlySpan<PathNode> Children => _children;

    public bool HasChildren => _children.Length > 0;

    public PathNode GetOrAdd(string name, List<PathNode> all)
    {
        foreach (var child in _children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                return child;
            }
        }

        var added = new PathNode(name, all.Count);
        all.Add(added);
        _children = [.. _children, added];
        return added;
    }

    /// <summary>The child named by the property name the reader stands on, or <see langword="null"/>.</summary>
    public PathNode? Find(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            // The usual case: compare the bytes as they stand, the length first.
            var name = reader.ValueSpan;
            foreach (var child in _children)
            {
                if (name.Length == child.NameUtf8.Length && name.SequenceEqual(child.NameUtf8))
                {
                    return child;
                }
            }

            return null;
        }

        foreach (var child in _children)
        {
            if (reader.ValueTextEquals(child.NameUtf8))
            {
                return child;
            }
        }

        return null;
    }
}
