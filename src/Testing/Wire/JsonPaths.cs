using System.Text.Json.Nodes;

namespace CpWebSocket.Testing.Wire;

/// <summary>Members of a JSON object found, written and removed by their path, a list of property names from the root.</summary>
internal static class JsonPaths
{
    /// <summary>The path of a dotted name, as routes and constants write them: <c>d.eventType</c>.</summary>
    public static string[] Split(string dotted) => dotted.Split('.');

    /// <summary>The value at <paramref name="path"/>, or <see langword="null"/> when a member on the way is absent or not an object.</summary>
    public static JsonNode? Find(JsonNode? root, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var name in path)
        {
            if (node is not JsonObject container || !container.TryGetPropertyValue(name, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Whether a member stands at <paramref name="path"/>, even with the value <c>null</c>.</summary>
    public static bool Has(JsonNode? root, IReadOnlyList<string> path) =>
        path.Count > 0 && Find(root, path.Take(path.Count - 1).ToArray()) is JsonObject parent && parent.ContainsKey(path[^1]);

    /// <summary>
    /// Writes <paramref name="value"/> at <paramref name="path"/>, making the objects on the way. Where an object stands
    /// already and <paramref name="value"/> is one too, its members join it.
    /// </summary>
    public static void Set(JsonObject root, IReadOnlyList<string> path, JsonNode? value)
    {
        var parent = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (parent[path[i]] is not JsonObject next)
            {
                next = [];
                parent[path[i]] = next;
            }

            parent = next;
        }

        var name = path[^1];
        if (parent[name] is JsonObject existing && value is JsonObject members)
        {
            Merge(existing, members);
        }
        else
        {
            parent[name] = value;
        }
    }

    /// <summary>Moves the members of <paramref name="members"/> into <paramref name="target"/>.</summary>
    /// <exception cref="InvalidOperationException">A member stands in both.</exception>
    public static void Merge(JsonObject target, JsonObject members)
    {
        foreach (var (name, value) in members.ToList())
        {
            if (target.ContainsKey(name))
            {
                throw new InvalidOperationException($"The message has a member '{name}' where the envelope writes one too.");
            }

            members.Remove(name);
            target[name] = value;
        }
    }

    /// <summary>Removes the member at <paramref name="path"/>, if it stands there.</summary>
    public static void Remove(JsonNode root, IReadOnlyList<string> path)
    {
        if (Find(root, path.Take(path.Count - 1).ToArray()) is JsonObject parent)
        {
            parent.Remove(path[^1]);
        }
    }

    /// <summary>Whether <paramref name="path"/> starts with <paramref name="prefix"/> and goes further.</summary>
    public static bool IsInside(IReadOnlyList<string> path, IReadOnlyList<string> prefix) =>
        path.Count > prefix.Count && path.Take(prefix.Count).SequenceEqual(prefix, StringComparer.Ordinal);
}
