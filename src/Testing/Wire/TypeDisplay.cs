namespace CpWebSocket.Testing.Wire;

/// <summary>Type names as C# writes them, for messages: <c>ObsResponse&lt;VersionInfo&gt;</c>.</summary>
internal static class TypeDisplay
{
    public static string Of(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }
}
