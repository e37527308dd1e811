using CpWebSocket.Hosting.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CpWebSocket.Hosting.Health;

/// <summary>Reports the state of one registered client's connection (see <see cref="ConnectionHealth"/>).</summary>
/// <param name="services">The app's services, where the client is found when the check runs.</param>
/// <param name="key">The client's type and name.</param>
internal sealed class WebSocketClientHealthCheck(IServiceProvider services, WebSocketClientKey key) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Resolved here rather than in the registration's factory, so that a missing or misconfigured client is this
        // check's failure, not an exception that ends the whole report.
        var entry = services.GetKeyedService<WebSocketClientEntry>(key);
        if (entry is null)
        {
            return Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus,
                $"No websocket client {key.DisplayName} is registered: register it with AddWebSocketClient<{key.ClientType.Name}>(" +
                (key.Name.Length > 0 ? $"\"{key.Name}\", ...)." : "...).")));
        }

        return Task.FromResult(ConnectionHealth.Evaluate(entry.Key.DisplayName, entry.Connection.Url, entry.ReadState(), context.Registration.FailureStatus));
    }
}
