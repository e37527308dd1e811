using CpWebSocket;
using CpWebSocket.Hosting.Health;
using CpWebSocket.Hosting.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds health checks of websocket clients registered with <c>AddWebSocketClient</c>.</summary>
public static class WebSocketClientHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check of a registered <typeparamref name="TClient"/>'s connection: <see cref="HealthStatus.Healthy"/>
    /// when open; <see cref="HealthStatus.Degraded"/> while connecting, reconnecting, waiting to reconnect or closing;
    /// <paramref name="failureStatus"/> when closed with no reconnect to come. Its data carry the status, the address
    /// (without user info or query) and the last connection failure.
    /// </summary>
    /// <typeparam name="TClient">The client's type: a generated client, or <see cref="HttpWebSocket"/>.</typeparam>
    /// <param name="builder">The app's health checks.</param>
    /// <param name="clientName">The client's name, for a named client; <see langword="null"/> for the unnamed one.</param>
    /// <param name="name">The check's name; by default the client type's name, then <c>:</c> and the client's name if it has one.</param>
    /// <param name="failureStatus">What a closed connection reports; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">Tags to filter checks by, such as <c>"ready"</c>.</param>
    /// <param name="timeout">How long the check may take; it never waits on the network.</param>
    /// <returns>The health checks builder.</returns>
    public static IHealthChecksBuilder AddWebSocketClient<TClient>(
        this IHealthChecksBuilder builder,
        string? clientName = null,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
        where TClient : class, IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = new WebSocketClientKey(typeof(TClient), clientName ?? Options.Options.DefaultName);
        return builder.Add(new HealthCheckRegistration(
            name ?? key.HealthCheckName,
            services => new WebSocketClientHealthCheck(services, key),
            failureStatus,
            tags,
            timeout));
    }
}
