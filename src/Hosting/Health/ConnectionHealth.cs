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

        return state.Status switch
        {
            WebSocketStatus.Open => HealthCheckResult.Healthy($"{client} is open to {shown}.", data),
            WebSocketStatus.Opening when state.HasOpened => HealthCheckResult.Degraded($"{client} is reconnecting to {shown}.", data: data),
            WebSocketStatus.Opening => HealthCheckResult.Degraded($"{client} is connecting to {shown}.", data: data),
            WebSocketStatus.Closing => HealthCheckResult.Degraded($"{client} is closing its connection to {shown}.", data: data),
            _ when state.WillReconnect && state.HasOpened => HealthCheckResult.Degraded(Sentence($"{client} lost its connection to {shown} and will reconnect", failure), data: data),
            _ when state.WillReconnect => HealthCheckResult.Degraded(Sentence($"{client} could not connect to {shown} yet and will retry", failure), data: data),
            _ when !state.HasOpened && failure is null => new HealthCheckResult(failureStatus, $"{client} is closed: it has not been opened.", data: data),
            _ => new HealthCheckResult(failureStatus, Sentence($"{client} is closed and will not reconnect", failure ?? ClosedHow(state)), data: data),
        };
    }

    /// <summary>The sentence, then its reason after a colon when there is one.</summary>
    private static string Sentence(string sentence, string? reason) => reason switch
    {
        null => sentence + ".",
        _ when reason.EndsWith('.') => $"{sentence}: {reason}",
        _ => $"{sentence}: {reason}.",
    };

    private static string? ClosedHow(ConnectionState state) => state.LastClose switch
    {
        null => null,
        { ByPeer: false } => "this app closed it",
        { Status: { } status } => $"the server closed it with {(int)status} {status}",
        _ => "the server closed it",
    };
}
