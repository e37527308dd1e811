using System.Collections.Concurrent;
using System.Net;
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

namespace CpWebSocket.Tests.Protocols;

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) serving the protocol peers, one path each: every websocket connection to a
/// path runs that peer's conversation. Connections can be found by their <c>tag</c> query parameter.
/// </summary>
public sealed class PeerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PeerSocket>> _tagged = new(StringComparer.Ordinal);
    private readonly Uri _base;

    private PeerHost(WebApplication app, CancellationTokenSource stopping, int port)
    {
        _app = app;
        _stopping = stopping;
        _base = new Uri($"ws://127.0.0.1:{port}/");
    }

    /// <summary>Starts the host with <paramref name="peers"/>: a conversation per path.</summary>
    public static async Task<PeerHost> StartAsync(IReadOnlyDictionary<string, Func<PeerSocket, Task>> peers)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(PeerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        PeerHost? host = null;
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest || !peers.TryGetValue(context.Request.Path.Value ?? string.Empty, out var run))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, context.RequestAborted);
            var peer = new PeerSocket(socket, context, linked.Token);
            if (peer.Query("tag") is { Length: > 0 } tag)
            {
                host!._tagged.GetOrAdd(tag, _ => new TaskCompletionSource<PeerSocket>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(peer);
            }

            try
            {
                await run(peer);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException)
            {
                // The client went away or the host is stopping: the conversation is over.
            }
            finally
            {
                peer.End();
            }
        });

        await app.StartAsync().ConfigureAwait(false);
        var port = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(a => new Uri(a).Port).Single();
        host = new PeerHost(app, stopping, port);
        return host;
    }

    /// <summary>The ws:// URL of a path (and query).</summary>
    public Uri WsUri(string pathAndQuery) => new(_base, pathAndQuery.TrimStart('/'));

    /// <summary>The ws:// URL of a path with a new <c>tag</c>, to find the connection afterwards.</summary>
    public Uri WsUri(string pathAndQuery, out string tag)
    {
        tag = Guid.NewGuid().ToString("N");
        return WsUri(pathAndQuery + (pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "tag=" + tag);
    }

    /// <summary>The server side of the connection made with <paramref name="tag"/>.</summary>
    public Task<PeerSocket> ConnectionAsync(string tag) =>
        _tagged.GetOrAdd(tag, _ => new TaskCompletionSource<PeerSocket>(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(Server.TestServer.DefaultTimeout);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
