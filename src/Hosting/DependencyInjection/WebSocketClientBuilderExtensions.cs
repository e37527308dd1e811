using CpWebSocket;
using CpWebSocket.Hosting;
using CpWebSocket.Hosting.Lifetime;
using CpWebSocket.Hosting.Registration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures a websocket client registered with <c>AddWebSocketClient</c>.</summary>
public static class WebSocketClientBuilderExtensions
{
    /// <summary>Sets the client's options in code; runs after the configuration section is bound, in the order of the calls.</summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IWebSocketClientBuilder ConfigureOptions(this IWebSocketClientBuilder builder, Action<WebSocketClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<WebSocketClientOptions>(builder.OptionsName).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Sets the client's options in code with the app's services at hand (a token source for a header, say); runs after
    /// the configuration section is bound, in the order of the calls.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Sets the options, given the app's services.</param>
    /// <returns>The builder.</returns>
    public static IWebSocketClientBuilder ConfigureOptions(this IWebSocketClientBuilder builder, Action<WebSocketClientOptions, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<WebSocketClientOptions>(builder.OptionsName).Configure<IServiceProvider>(configure);
        return builder;
    }

    /// <summary>
    /// Opens the client when the host starts and closes it, with a close handshake, when the host stops.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The client is opened before any hosted service starts and closed after every hosted service has stopped, so a
    /// worker finds it open and can still send while it stops.
    /// </para>
    /// <para>
    /// With a <see cref="HttpWebSocketOptions.Reconnect"/> policy the start does not wait for the server: the client opens
    /// in the background, a failed first connect is retried by the policy (it sets <see cref="ReconnectPolicy.RetryFirstConnect"/>; at most
    /// <see cref="ReconnectPolicy.MaxAttempts"/> times), and the health check reports <c>Degraded</c> meanwhile. Without
    /// one, the start waits for the connection, and a failed connect fails the start, since nothing would retry it.
    /// </para>
    /// </remarks>
    /// <param name="builder">The client's builder.</param>
    /// <returns>The builder.</returns>
    public static IWebSocketClientBuilder AddHostedLifetime(this IWebSocketClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = builder is WebSocketClientBuilder registered
            ? registered.Key
            : new WebSocketClientKey(builder.ClientType, builder.Name);
        builder.Services.AddSingleton(new HostedWebSocketClient(key));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebSocketClientLifetime>());
        return builder;
    }
}
