using System.Buffers;
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

namespace Samples.SeedApi;

/// <summary>
/// An echo server on 127.0.0.1, a free port, the path <c>/echo</c>, logging off. Each message comes back in
/// the same frame type, prefixed with <c>binary echo: </c> or <c>text echo: </c>, because the seed's callback
/// hands over a string and would not show the frame type otherwise.
/// </summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private const int MaxMessageSize = 64 * 1024;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private static readonly byte[] BinaryTag = "binary echo: "u8.ToArray();
    private static readonly byte[] TextTag = "text echo: "u8.ToArray();

    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private EchoServer()
    {
    }

    /// <summary>The websocket address of the echo endpoint, once started.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts a server on 127.0.0.1 with a port the system picks.</summary>
    public static async Task<EchoServer> StartAsync()
    {
        var server = new EchoServer();
        try
        {
            await server.StartKestrelAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server: open connections are aborted, then Kestrel stops.</summary>
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

        // The sample prints the client's events; Kestrel's own log lines would only clutter them.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));

        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(HandleAsync);
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Url = new Uri($"ws://127.0.0.1:{new Uri(address).Port}/echo");
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/echo" || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await EchoAsync(socket, cancellation.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away without a close handshake, or the server is stopping: nothing to answer.
        }
    }

    private static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            message.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, cancellationToken);
                    return;
                }

                message.Advance(result.Count);
                if (message.WrittenCount > MaxMessageSize)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {MaxMessageSize} bytes.", cancellationToken);
                    return;
                }
            }
            while (!result.EndOfMessage);

            var tag = result.MessageType == WebSocketMessageType.Binary ? BinaryTag : TextTag;
            await socket.SendAsync((byte[])[.. tag, .. message.WrittenSpan], result.MessageType, endOfMessage: true, cancellationToken);
        }
    }
}
