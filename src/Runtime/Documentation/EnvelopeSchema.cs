using System.Text.Json.Nodes;

namespace CpWebSocket.Documentation;

/// <summary>
/// The schema of a whole message, built member by member at dotted paths: the discriminator, the second-level value,
/// the request id, constants and envelope fields, and the payload's schema where it stands. Where the payload's members
/// share an object with envelope members (a flat message, a request id inside the payload), the two are joined with
/// <c>allOf</c>.
/// </summary>
internal sealed class EnvelopeSchema
{
    private readonly List<(string Name, EnvelopeSchema Child)> _children = [];
    private readonly List<string> _required = [];
    private readonly List<string> _forbidden = [];
    private JsonNode? _value;
    private JsonNode? _merged;

    /// <summary>Puts <paramref name="schema"/> at <paramref name="path"/>; <paramref name="required"/> marks it, and the objects around it, as required.</summary>
    public void Add(IReadOnlyList<string> path, JsonNode schema, bool required)
    {
        var node = this;
        for (var i = 0; i < path.Count; i++)
        {
            node = node.Child(path[i], required);
        }

        if (node._value is not null || node._children.Count > 0 || node._merged is not null)
        {
            return; // the first member written at a path wins: the envelope's own before the envelope record's
        }

        node._value = schema;
    }

    /// <summary>Puts the payload's schema at <paramref name="path"/>: as the member there, or joined with the envelope members already there.</summary>
    public void AddPayload(IReadOnlyList<string> path, JsonNode schema, bool required)
    {
        var node = this;
        for (var i = 0; i < path.Count; i++)
        {
            node = node.Child(path[i], required);
        }

        if (node._children.Count > 0 || path.Count == 0)
        {
            node._merged = schema;
        }
        else
        {
            node._value = schema;
        }
    }

    /// <summary>Says that a message has no member <paramref name="name"/> here (a response told apart by the lack of a discriminator).</summary>
    public void Forbid(string name) => _forbidden.Add(name);

    /// <summary>The schema.</summary>
    public JsonNode ToSchema()
    {
        if (_value is not null)
        {
            return _value;
        }

        var properties = new JsonObject();
        foreach (var (name, child) in _children)
        {
            properties[name] = child.ToSchema();
        }

        var schema = new JsonObject { ["type"] = "object" };
        if (properties.Count > 0)
        {
            schema["properties"] = properties;
        }

        if (_required.Count > 0)
        {
            schema["required"] = Strings(_required);
        }

        if (_forbidden.Count > 0)
        {
            schema["not"] = new JsonObject { ["required"] = Strings(_forbidden) };
        }

        return _merged is null ? schema : new JsonObject { ["allOf"] = new JsonArray(_merged, schema) };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());

    private EnvelopeSchema Child(string name, bool required)
    {
        if (_value is not null)
        {
            // A member inside what was the payload's own place: the payload joins this object instead.
            _merged = _value;
            _value = null;
        }

        var index = _children.FindIndex(child => child.Name == name);
        EnvelopeSchema node;
        if (index < 0)
        {
            node = new EnvelopeSchema();
            _children.Add((name, node));
        }
        else
        {
            node = _children[index].Child;
        }

        if (required && !_required.Contains(name))
        {
            _required.Add(name);
        }

        return node;
    }
}
