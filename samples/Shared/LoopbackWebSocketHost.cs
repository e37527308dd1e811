using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Samples.Shared;

/// <summary>
/// The samples' embedded server: Kestrel on 127.0.0.1, a port the system picks, one websocket path, logging
/// off. Each accepted socket is handed to a session function until it returns or the host stops.
/// </summary>
internal sealed class LoopbackWebSocketHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string _path;
    private readonly Func<WebSocket, CancellationToken, Task> _session;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private LoopbackWebSocketHost(string path, Func<WebSocket, CancellationToken, Task> session)
    {
        _path = path;
        _session = session;
    }

    /// <summary>The websocket address of the endpoint, once started.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts a host on 127.0.0.1 whose <paramref name="path"/> runs <paramref name="session"/> per connection.</summary>
    public static async Task<LoopbackWebSocketHost> StartAsync(string path, Func<WebSocket, CancellationToken, Task> session)
    {
        var host = new LoopbackWebSocketHost(path, session);
        try
        {
            await host.StartKestrelAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the host: open sessions are cancelled, then Kestrel stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using (var timeout = new CancellationTokenSource(StopTimeout))
            {
                try
                {
                    await _app.StopAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    // Stopping took too long; disposing below releases the port anyway.
                }
            }

            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task StartKestrelAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Neither the command line nor the current directory is meant for the embedded server.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // The samples print their own transcript; Kestrel's log lines would only clutter it.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));

        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(HandleAsync);
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Url = new Uri($"ws://127.0.0.1:{new Uri(address).Port}{_path}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != _path)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Connect with a websocket client.", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await _session(socket, cancellation.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away without a close handshake, or the host is stopping: nothing to answer.
        }
    }
}
