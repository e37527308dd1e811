using System.Text;

namespace CpWebSocket.Documentation;

/// <summary>
/// Names of a document's components, made from type names (<c>ObsResponse&lt;VersionInfo&gt;</c> is
/// <c>ObsResponseOfVersionInfo</c>) and kept unique in the order they are asked for, so the same declarations always
/// give the same names.
/// </summary>
internal sealed class ComponentNames
{
    private readonly Dictionary<Type, string> _names = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>The name of <paramref name="type"/>'s component, given on first use.</summary>
    public string Of(Type type)
    {
        if (_names.TryGetValue(type, out var name))
        {
            return name;
        }

        var plain = Plain(type);
        name = plain;
        for (var i = 2; !_taken.Add(name); i++)
        {
            name = plain + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _names.Add(type, name);
        return name;
    }

    /// <summary>A type's name as C# code reads it, for titles: <c>ObsResponse&lt;VersionInfo&gt;</c>.</summary>
    public static string Display(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Display(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Display(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Display)) + ">";
    }

    /// <summary>The name before uniqueness: letters, digits and underscores only, as AsyncAPI's component keys allow.</summary>
    private static string Plain(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Plain(underlying);
        }

        if (type.IsArray)
        {
            return Plain(type.GetElementType()!) + "Array";
        }

        var name = new StringBuilder();
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        foreach (var c in tick < 0 ? type.Name : type.Name[..tick])
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                name.Append(c);
            }
        }

        if (type.IsGenericType)
        {
            name.Append("Of").Append(string.Join("And", type.GetGenericArguments().Select(Plain)));
        }

        return name.Length > 0 ? name.ToString() : "Message";
    }
}
