namespace CpWebSocket.Messaging.Layout;

/// <summary>Dotted paths from the root of a message (<c>d.eventType</c>), as routes and constants name members.</summary>
internal static class JsonPath
{
    /// <summary>Throws when <paramref name="path"/> is empty or has an empty segment.</summary>
    public static void Validate(string path, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, parameterName);
        if (path.Split('.').Any(segment => segment.Length == 0))
        {
            throw new ArgumentException($"The path '{path}' has an empty segment; write property names separated by single dots, such as 'd.eventType'.", parameterName);
        }
    }

    /// <summary>The property names of <paramref name="path"/>, outermost first.</summary>
    public static string[] Split(string path) => path.Split('.');

    /// <summary>Joins segments back into a dotted path, for messages.</summary>
    public static string Join(IEnumerable<string> segments) => string.Join('.', segments);
}
