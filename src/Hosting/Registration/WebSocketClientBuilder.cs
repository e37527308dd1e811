using Microsoft.Extensions.DependencyInjection;

namespace CpWebSocket.Hosting.Registration;

/// <summary>The <see cref="IWebSocketClientBuilder"/> of one registration.</summary>
/// <param name="key">The client's type and name.</param>
/// <param name="services">The services it is registered in.</param>
internal sealed class WebSocketClientBuilder(WebSocketClientKey key, IServiceCollection services) : IWebSocketClientBuilder
{
    /// <summary>The client's type and name.</summary>
    public WebSocketClientKey Key { get; } = key;

    /// <inheritdoc />
    public string Name => Key.Name;

    /// <inheritdoc />
    public string OptionsName => Key.OptionsName;

    /// <inheritdoc />
    public Type ClientType => Key.ClientType;

    /// <inheritdoc />
    public IServiceCollection Services { get; } = services;
}
