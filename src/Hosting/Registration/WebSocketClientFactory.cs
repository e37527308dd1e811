using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using CpWebSocket.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CpWebSocket.Hosting.Registration;

/// <summary>Creates registered clients from their options.</summary>
internal static class WebSocketClientFactory
{
    /// <summary>Whether <paramref name="clientType"/> can be registered: <see cref="HttpWebSocket"/>, or a concrete <see cref="MessageClient"/>.</summary>
    public static bool CanCreate(Type clientType) =>
        clientType == typeof(HttpWebSocket) || (typeof(MessageClient).IsAssignableFrom(clientType) && !clientType.IsAbstract);

    /// <summary>
    /// Creates the client registered as <paramref name="key"/> from its validated options, with the logger of its category
    /// and the app's meter factory unless the options name their own.
    /// </summary>
    /// <typeparam name="TClient">The client's type; its public constructors are kept by the trimmer for this call.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <param name="key">The client's type and name.</param>
    /// <returns>The client, with its connection and its watch.</returns>
    public static WebSocketClientEntry Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        IServiceProvider services,
        WebSocketClientKey key)
        where TClient : class, IAsyncDisposable
    {
        var options = services.GetRequiredService<IOptionsMonitor<WebSocketClientOptions>>().Get(key.OptionsName);
        var url = options.Url ?? throw new InvalidOperationException($"The websocket client {key.DisplayName} has no Url."); // the validator said so first
        var connectionOptions = options.Connection;
        connectionOptions.Logger ??= services.GetService<ILoggerFactory>()?.CreateLogger(key.LoggerCategory);
        connectionOptions.MeterFactory ??= services.GetService<IMeterFactory>();
        var logger = connectionOptions.Logger ?? NullLogger.Instance;

        if (typeof(TClient) == typeof(HttpWebSocket))
        {
            var socket = new HttpWebSocket(url, (WebSocketCallback?)null, connectionOptions);
            return new WebSocketClientEntry(key, socket, socket, connectionOptions, logger);
        }

        // A generated client's constructor (Uri url, HttpWebSocketOptions? options); a partial class may add services to it.
        var client = ActivatorUtilities.CreateInstance<TClient>(services, url, connectionOptions);
        return new WebSocketClientEntry(key, client, ((MessageClient)(object)client).Connection, connectionOptions, logger);
    }
}
