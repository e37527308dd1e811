using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CpWebSocket.Hosting.Health;

/// <summary>
/// Turns a <see cref="ConnectionState"/> into a health result: <see cref="HealthStatus.Healthy"/> when open,
/// <see cref="HealthStatus.Degraded"/> while opening, reconnecting, waiting to reconnect or closing, and the
/// registration's failure status when closed for good.
/// </summary>
internal static class ConnectionHealth
{
    /// <summary>The data key of the connection's status.</summary>
    public const string StatusKey = "status";

    /// <summary>The data key of the server's address (scheme, host, port and path).</summary>
    public const string UrlKey = "url";

    /// <summary>The data key of the last failure of a connection, when there is one.</summary>
    public const string LastErrorKey = "lastError";

    /// <summary>Evaluates <paramref name="state"/>.</summary>
    /// <param name="client">How the description names the client.</param>
    /// <param name="url">The client's address.</param>
    /// <param name="state">The connection's state.</param>
    /// <param name="failureStatus">What a connection closed for good reports.</param>
    /// <returns>The result, with the status, the address and the last failure as data.</returns>
    public static HealthCheckResult Evaluate(string client, Uri url, ConnectionState state, HealthStatus failureStatus)
    {
        var shown = UrlDisplay.Show(url);
        var failure = state.LastFailure is { } error ? UrlDisplay.Redact(error.Message, url) : null;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [StatusKey] = state.Status.ToString(),
            [UrlKey] = shown,
        };
        if (failure is not null)
        {
            data[LastErrorKey] = failure;
        }

        var because = failure is null ? "." : $": {failure}";
        return state.Status switch
        {
            WebSocketStatus.Open => HealthCheckResult.Healthy($"{client} is open to {shown}.", data),
            WebSocketStatus.Opening when state.HasOpened => HealthCheckResult.Degraded($"{client} is reconnecting to {shown}.", data: data),
            WebSocketStatus.Opening => HealthCheckResult.Degraded($"{client} is connecting to {shown}.", data: data),
            WebSocketStatus.Closing => HealthCheckResult.Degraded($"{client} is closing its connection to {shown}.", data: data),
            _ when state.WillReconnect && state.HasOpened => HealthCheckResult.Degraded($"{client} lost its connection to {shown} and will reconnect{because}", data: data),
            _ when state.WillReconnect => HealthCheckResult.Degraded($"{client} could not connect to {shown} yet and will retry{because}", data: data),
            _ when !state.HasOpened && failure is null => new HealthCheckResult(failureStatus, $"{client} is closed: it has not been opened.", data: data),
            _ => new HealthCheckResult(failureStatus, $"{client} is closed and will not reconnect{because}{ClosedHow(state, failure)}", data: data),
        };
    }

    private static string ClosedHow(ConnectionState state, string? failure) => failure is not null || state.LastClose is not { } close
        ? string.Empty
        : close.ByPeer
            ? $" (the server closed it{(close.Status is { } status ? $" with {(int)status} {status}" : string.Empty)})"
            : " (this app closed it)";
}
