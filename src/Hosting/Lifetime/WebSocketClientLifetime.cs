using CpWebSocket.Hosting.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CpWebSocket.Hosting.Lifetime;

/// <summary>
/// Opens the clients registered with <c>AddHostedLifetime</c> when the host starts and closes them, with a close
/// handshake, when it stops.
/// </summary>
/// <remarks>
/// It opens in <see cref="StartingAsync"/>, before any hosted service's <c>StartAsync</c>, and closes in
/// <see cref="StoppedAsync"/>, after every hosted service's <c>StopAsync</c>: a worker finds its client open, whatever
/// the order of registration, and can still send while it stops. A client with a <see cref="ReconnectPolicy"/> does
/// not hold up the start: it is opened in the background and a failed first connect is retried with the policy. A client
/// without one is awaited, and a failed connect fails the start, since nothing would ever retry it.
/// </remarks>
internal sealed class WebSocketClientLifetime(IServiceProvider services, IEnumerable<HostedWebSocketClient> hosted) : IHostedLifecycleService
{
    private readonly WebSocketClientKey[] _keys = hosted.Select(client => client.Key).Distinct().ToArray();
    private WebSocketClientEntry[] _opened = [];

    /// <inheritdoc />
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Created here, not lazily: an invalid option fails the start rather than the first request that needs the client.
        var entries = _keys.Select(key => services.GetRequiredKeyedService<WebSocketClientEntry>(key)).ToArray();
        _opened = entries;
        await WhenAllAsync(entries.Select(entry => OpenAsync(entry, cancellationToken))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // Closing also ends a reconnect that waits, with a last Closed that will not reconnect.
        var entries = _opened;
        await WhenAllAsync(entries.Select(entry => CloseAsync(entry, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task OpenAsync(WebSocketClientEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Options.Reconnect is { } policy)
        {
            // The start does not wait for the server: the policy retries a failed first connect like a lost connection.
            policy.RetryFirstConnect = true;
            entry.Connection.Open();
            return;
        }

        try
        {
            await entry.Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketConnectException ex)
        {
            throw new WebSocketConnectException(
                $"The websocket client {entry.Key.DisplayName} could not open when the host started: {ex.Message} " +
                "Without a reconnect policy nothing would retry it, so the host does not start; set Reconnect in its options to start without the server and connect once it is up.",
                ex);
        }
    }

    private static async Task CloseAsync(WebSocketClientEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await entry.Connection.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout passed: the close goes on within CloseTimeout, and disposal ends it.
        }
    }

    /// <summary>Awaits every task, and throws every failure, not only the first.</summary>
    private static async Task WhenAllAsync(IEnumerable<Task> tasks)
    {
        var all = Task.WhenAll(tasks);
        try
        {
            await all.ConfigureAwait(false);
        }
        catch when (all.Exception is { InnerExceptions.Count: > 1 } aggregate)
        {
            throw aggregate;
        }
    }
}
