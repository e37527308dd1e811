using Microsoft.Extensions.DependencyInjection;

namespace CpWebSocket.Hosting;

/// <summary>
/// Configures one registered websocket client further: its options (<c>ConfigureOptions</c>) and its hosted lifetime
/// (<c>AddHostedLifetime</c>). Returned by <c>AddWebSocketClient</c>.
/// </summary>
public interface IWebSocketClientBuilder
{
    /// <summary>
    /// The client's name: the key it is resolved with (<c>[FromKeyedServices("eu")]</c>), or
    /// <see cref="Microsoft.Extensions.Options.Options.DefaultName"/> (empty) for the unnamed client of its type.
    /// </summary>
    string Name { get; }

    /// <summary>
    /// The name of its <see cref="WebSocketClientOptions"/>, for <c>IOptionsMonitor&lt;WebSocketClientOptions&gt;.Get</c>
    /// and <c>AddOptions&lt;WebSocketClientOptions&gt;(name)</c>: the client type's full name, followed by <c>:</c> and
    /// <see cref="Name"/> for a named client, so that clients of different types never share options.
    /// </summary>
    string OptionsName { get; }

    /// <summary>The client's type: a generated client, or <see cref="HttpWebSocket"/>.</summary>
    Type ClientType { get; }

    /// <summary>The services the client is registered in.</summary>
    IServiceCollection Services { get; }
}
