using CpWebSocket.Hosting.Health;
using Microsoft.Extensions.Logging;

namespace CpWebSocket.Hosting.Registration;

/// <summary>
/// One registered client once created: the client, its connection and the watch on it. A singleton keyed by its
/// <see cref="WebSocketClientKey"/>; the client's own registration, the hosted lifetime and the health check all reach
/// the client through it, so they share one instance and the watch sees every event from the start.
/// </summary>
internal sealed class WebSocketClientEntry : IAsyncDisposable, IDisposable
{
    public WebSocketClientEntry(WebSocketClientKey key, IAsyncDisposable client, HttpWebSocket connection, HttpWebSocketOptions options, ILogger logger)
    {
        Key = key;
        Client = client;
        Connection = connection;
        Options = options;
        Logger = logger;
        Watch = new ConnectionWatch(connection);
    }

    /// <summary>The client's type and name.</summary>
    public WebSocketClientKey Key { get; }

    /// <summary>The client: a generated client or an <see cref="HttpWebSocket"/>.</summary>
    public IAsyncDisposable Client { get; }

    /// <summary>Its connection (the client itself for an <see cref="HttpWebSocket"/>).</summary>
    public HttpWebSocket Connection { get; }

    /// <summary>The settings the connection was created with.</summary>
    public HttpWebSocketOptions Options { get; }

    /// <summary>The client's logger.</summary>
    public ILogger Logger { get; }

    /// <summary>The watch on the connection's events.</summary>
    public ConnectionWatch Watch { get; }

    /// <summary>The state the health check reports.</summary>
    public ConnectionState ReadState() => Watch.Read();

    /// <summary>Disposes the client, which closes its connection (and ends a reconnect that waits).</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public ValueTask DisposeAsync() => Client.DisposeAsync();

    /// <summary>
    /// Disposes the client without waiting: the close handshake finishes in the background. Services
    /// disposed synchronously come here; <see cref="DisposeAsync"/> is preferred.
    /// </summary>
    public void Dispose() => (Client as IDisposable)?.Dispose();
}
