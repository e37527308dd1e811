using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using CpWebSocket.Benchmarks.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CpWebSocket.Benchmarks.Server;

/// <summary>
/// The one server of a run: Kestrel on 127.0.0.1 with <c>/echo</c>, a raw websocket endpoint that sends every
/// message back unchanged in the same frame type, and <c>/hub</c>, the SignalR <see cref="EchoHub"/>.
/// </summary>
/// <remarks>
/// The echo endpoint does as little as a server can (one pooled buffer per connection, the ValueTask socket calls),
/// so the contenders share the same, small server-side cost.
/// </remarks>
public sealed class EchoServer : IAsyncDisposable
{
    public const string EchoPath = "/echo";
    public const string HubPath = "/hub";
    public const string PushPath = "/push";
    public const string OversizedPath = "/oversized";
    public const string DeflateEchoPath = "/echo-deflate";

    /// <summary>Far above the 64 KiB message; SignalR's default limit (32 KiB) would refuse it.</summary>
    public const int MaxMessageSize = 1024 * 1024;

    private readonly WebApplication _app;

    private EchoServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's address, <c>ws://127.0.0.1:port</c>.</summary>
    public Uri BaseUrl { get; }

    public Uri EchoUrl => new(BaseUrl, EchoPath);

    /// <summary>The hub's address for the SignalR client, which wants <c>http://</c>.</summary>
    public Uri HubUrl => new($"http://{BaseUrl.Authority}{HubPath}");

    public static async Task<EchoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services
            .AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = MaxMessageSize;
                hub.EnableDetailedErrors = true;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, EchoJsonContext.Default));

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Map(EchoPath, EchoAsync);
        app.Map(DeflateEchoPath, context => EchoAsync(context, compress: true));
        app.Map(PushPath, PushAsync);
        app.Map(OversizedPath, OversizedAsync);
        app.MapHub<EchoHub>(HubPath, connection => connection.ApplicationMaxBufferSize = MaxMessageSize);
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new EchoServer(app, new Uri($"ws://127.0.0.1:{new Uri(address).Port}"));
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections still open after the timeout are dropped by the dispose below.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// <c>/push</c>: every text message the client sends is a count N; the server then sends N copies of the small trade
    /// message (one text frame each, as fast as it can), and waits for the next count.
    /// </summary>
    private static async Task PushAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var trade = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Samples.Trade, EchoJsonContext.Default.EchoMessage);
        var request = new byte[64];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(request.AsMemory(), context.RequestAborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                var count = int.Parse(request.AsSpan(0, result.Count), System.Globalization.CultureInfo.InvariantCulture);
                for (var i = 0; i < count; i++)
                {
                    await socket.SendAsync(trade, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException)
        {
            // The client went away, or the server is stopping.
        }
    }

    /// <summary>
    /// <c>/oversized?size=N&amp;fragment=F</c>: sends one binary message of N bytes in fragments of F bytes (one frame when
    /// F is 0), stopping when the client's close frame arrives, which it answers.
    /// </summary>
    private static async Task OversizedAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var size = long.Parse(context.Request.Query["size"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var fragment = int.Parse(context.Request.Query["fragment"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var closed = Task.Run(async () =>
        {
            var scratch = new byte[256];
            while ((await socket.ReceiveAsync(scratch.AsMemory(), stop.Token).ConfigureAwait(false)).MessageType != WebSocketMessageType.Close)
            {
            }
        });
        try
        {
            var chunk = new byte[fragment == 0 ? checked((int)size) : fragment];
            for (long sent = 0; sent < size && !closed.IsCompleted;)
            {
                var length = (int)Math.Min(chunk.Length, size - sent);
                var last = sent + length >= size;
                await socket.SendAsync(chunk.AsMemory(0, length), WebSocketMessageType.Binary, last, stop.Token).ConfigureAwait(false);
                sent += length;
            }

            await closed.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException or TimeoutException)
        {
            // The client dropped the connection after its refusal, or the server is stopping.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await closed.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static Task EchoAsync(HttpContext context) => EchoAsync(context, compress: false);

    /// <summary>The echo; <c>/echo-deflate</c> accepts permessage-deflate when the client offers it.</summary>
    private static async Task EchoAsync(HttpContext context, bool compress)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = compress }).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        var grown = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = grown;
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(count), context.RequestAborted).ConfigureAwait(false);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, count), result.MessageType, endOfMessage: true, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException)
        {
            // The client went away without a close handshake, or the server is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
