using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
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

namespace CpWebSocket.Hosting.Tests.Server;

/// <summary>
/// A real Kestrel websocket server on 127.0.0.1: every path accepts a websocket (with the first subprotocol offered),
/// echoes each message back with its type, and answers the client's close frame with the same status. It records each
/// connection's handshake, the text it received and the status of the close frame that ended it.
/// </summary>
public sealed class WebSocketTestServer : IAsyncDisposable
{
    /// <summary>A generous timeout for waits on a loaded machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly Channel<ServerConnection> _connections;
    private int _disposed;

    private WebSocketTestServer(WebApplication app, CancellationTokenSource stopping, Channel<ServerConnection> connections, int port)
    {
        _app = app;
        _stopping = stopping;
        _connections = connections;
        Port = port;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The websocket address of <paramref name="path"/> on this server.</summary>
    /// <param name="path">The request path, with its query if any.</param>
    public Uri Url(string path = "/echo") => new($"ws://127.0.0.1:{Port}{path}");

    /// <summary>Starts a server on <paramref name="port"/> (0 for a free one).</summary>
    /// <param name="port">The port; a test that starts the server late passes the one its client was told.</param>
    public static async Task<WebSocketTestServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1));

        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var connections = Channel.CreateUnbounded<ServerConnection>();
        app.UseWebSockets();
        app.Run(context => AcceptAsync(context, connections.Writer, stopping.Token));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WebSocketTestServer(app, stopping, connections, new Uri(address).Port);
    }

    /// <summary>Waits for the next connection the server accepts.</summary>
    public async Task<ServerConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Stops the server: open connections end without a close frame, then the port is released.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static async Task AcceptAsync(HttpContext context, ChannelWriter<ServerConnection> connections, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols.ToArray();
        var accepted = offered.Length > 0 ? offered[0] : null;
        var headers = context.Request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString(), StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(accepted);
        var connection = new ServerConnection(context.Request.Path + context.Request.QueryString, headers, offered, accepted);
        connections.TryWrite(connection);

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        try
        {
            connection.End(await EchoAsync(socket, connection, ending.Token));
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            connection.End(null);
        }
    }

    private static async Task<WebSocketCloseStatus?> EchoAsync(WebSocket socket, ServerConnection connection, CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            message.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    var status = socket.CloseStatus;
                    await socket.CloseOutputAsync(status ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, cancellationToken);
                    return status;
                }

                message.Advance(result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Text)
            {
                connection.Receive(Encoding.UTF8.GetString(message.WrittenSpan));
            }

            await socket.SendAsync(message.WrittenMemory, result.MessageType, endOfMessage: true, cancellationToken);
        }
    }
}
