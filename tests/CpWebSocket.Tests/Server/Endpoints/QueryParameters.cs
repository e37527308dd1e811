using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>Reads the endpoints' query parameters with defaults.</summary>
internal static class QueryParameters
{
    public static int GetInt32(HttpContext context, string name, int defaultValue) =>
        context.Request.Query.TryGetValue(name, out var values)
        && int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : defaultValue;

    public static long GetInt64(HttpContext context, string name, long defaultValue) =>
        context.Request.Query.TryGetValue(name, out var values)
        && long.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : defaultValue;

    public static string GetString(HttpContext context, string name, string defaultValue) =>
        context.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? defaultValue : defaultValue;
}
