using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using CpWebSocket.Tests.Server.Endpoints;
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

namespace CpWebSocket.Tests.Server;

/// <summary>
/// A real Kestrel websocket server on 127.0.0.1 (a free port, plus a TLS port when asked), with the endpoints
/// the tests talk to, and a log of what it saw in <see cref="Events"/>.
/// </summary>
/// <remarks>
/// Endpoints (query parameters optional; every request may carry a <c>tag</c> to find it in <see cref="Events"/>):
/// <list type="bullet">
/// <item><c>/echo?max=BYTES&amp;slip_after=K&amp;slip_size=N</c> echoes each message with its type (slipping in an N-byte binary message after the K-th); answers close with the same code.</item>
/// <item><c>/record</c> records messages without answering; answers close.</item>
/// <item><c>/close?code=1000&amp;reason=&amp;after=0&amp;delay_ms=0</c> echoes N messages, waits D ms without reading, then closes with that code and reason.</item>
/// <item><c>/silent-close</c> echoes, never answers a close, holds the TCP connection until disposal.</item>
/// <item><c>/send?kind=text|binary|invalid-utf8|oversized&amp;size=N&amp;count=1</c> sends, then echoes (see <see cref="ServerPayloads"/>).</item>
/// <item><c>/ping?interval_ms=50</c> echoes, with server keep-alive pings.</item>
/// <item><c>/drop?after=0</c> records N messages (no echo), then drops the TCP connection without a close frame.</item>
/// <item><c>/headers</c> sends the Authorization header and subprotocols as JSON, then echoes.</item>
/// <item><c>/relay</c> sends back each binary instruction's payload as a text or binary frame (see <see cref="RelayEndpoint"/>).</item>
/// <item><c>/reject?status=401</c> answers with that HTTP status, no upgrade.</item>
/// <item><c>/respond?shape=echo|rpc&amp;batch=1&amp;order=arrival|reverse</c> answers JSON requests (see <see cref="RespondEndpoint"/>).</item>
/// <item><c>/stream?interval_ms=5</c> sends <c>tick N</c> text messages at that interval and records what arrives; answers close.</item>
/// <item><c>/late?count=6&amp;bad=oversized</c> echoes; on the client's close, sends late messages and a bad frame before answering (see <see cref="LateEndpoint"/>).</item>
/// </list>
/// </remarks>
public sealed class TestServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly Uri _wsBase;
    private readonly Uri? _wssBase;
    private int _disposed;

    private TestServer(WebApplication app, CancellationTokenSource stopping, ServerEventLog events, int port, int? tlsPort, X509Certificate2? certificate)
    {
        _app = app;
        _stopping = stopping;
        Events = events;
        Port = port;
        TlsPort = tlsPort;
        Certificate = certificate;
        _wsBase = new Uri($"ws://127.0.0.1:{port}/");
        _wssBase = tlsPort is { } secure ? new Uri($"wss://127.0.0.1:{secure}/") : null;
    }

    /// <summary>A generous timeout for tests waiting on the server.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The plain (ws://) port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The TLS (wss://) port on 127.0.0.1, or null when the server was started without TLS.</summary>
    public int? TlsPort { get; }

    /// <summary>The certificate the TLS port presents, or null without TLS.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Every request the server handled and what happened on it.</summary>
    public ServerEventLog Events { get; }

    /// <summary>
    /// Starts a server on 127.0.0.1 with a free plain port and, when <paramref name="tls"/> is set, a second free
    /// port serving TLS with <paramref name="certificate"/> (default: <see cref="SelfSignedCertificate.Shared"/>).
    /// </summary>
    /// <param name="tls">Whether to open the TLS port as well.</param>
    /// <param name="certificate">The server certificate, with its private key; the caller keeps ownership.</param>
    /// <param name="port">The plain port to listen on; 0 (the default) for a free one. A restarted server passes the port of the one it replaces.</param>
    /// <param name="requireClientCertificate">Whether the TLS port requires a client certificate (any is accepted; <c>/headers</c> reports its thumbprint).</param>
    public static async Task<TestServer> StartAsync(bool tls = false, X509Certificate2? certificate = null, int port = 0, bool requireClientCertificate = false)
    {
        if (tls)
        {
            certificate ??= SelfSignedCertificate.Shared;
        }
        else
        {
            certificate = null;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(TestServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = StopTimeout);
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
            if (certificate is not null)
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listen.UseHttps(certificate, https =>
                    {
                        if (requireClientCertificate)
                        {
                            https.ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.RequireCertificate;
                            https.ClientCertificateValidation = (_, _, _) => true;
                        }
                    });
                });
            }
        });

        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var events = new ServerEventLog();
        app.UseWebSockets();
        var endpoints = new WebSocketEndpoint[]
        {
            new EchoEndpoint(),
            new RecordEndpoint(),
            new CloseEndpoint(),
            new SilentCloseEndpoint(),
            new SendEndpoint(),
            new PingEndpoint(),
            new DropEndpoint(),
            new HeadersEndpoint(),
            new RespondEndpoint(),
            new RelayEndpoint(),
            new StreamEndpoint(),
            new LateEndpoint(),
        }.ToDictionary(endpoint => endpoint.Path, StringComparer.OrdinalIgnoreCase);
        app.Run(context => DispatchAsync(context, endpoints, events, stopping.Token));

        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(address => new Uri(address))
            .ToList();
        var plainPort = addresses.Single(address => address.Scheme == Uri.UriSchemeHttp).Port;
        int? tlsPort = certificate is null ? null : addresses.Single(address => address.Scheme == Uri.UriSchemeHttps).Port;
        return new TestServer(app, stopping, events, plainPort, tlsPort, certificate);
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (bound, then released), so connecting to it is refused.</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A ws:// URL on 127.0.0.1 at <see cref="UnusedPort"/>, where the TCP connect is refused.</summary>
    /// <param name="path">The path (and query) to put on the URL.</param>
    public static Uri RefusedWsUri(string path = "/echo") => new(new Uri($"ws://127.0.0.1:{UnusedPort()}/"), Relative(path));

    /// <summary>The ws:// URL of <paramref name="path"/> (which may carry a query), for example <c>WsUri("/close?code=4001")</c>.</summary>
    /// <param name="path">The path and optional query.</param>
    public Uri WsUri(string path) => new(_wsBase, Relative(path));

    /// <summary>The wss:// URL of <paramref name="path"/> on the TLS port.</summary>
    /// <param name="path">The path and optional query.</param>
    /// <exception cref="InvalidOperationException">The server was started without TLS.</exception>
    public Uri HttpsWsUri(string path) =>
        new(_wssBase ?? throw new InvalidOperationException("This test server was started without TLS."), Relative(path));

    /// <summary>The http:// URL of <paramref name="path"/> on the plain port.</summary>
    /// <param name="path">The path and optional query.</param>
    public Uri HttpUri(string path) => new(new Uri($"http://127.0.0.1:{Port}/"), Relative(path));

    /// <summary>Waits for a connection to <paramref name="path"/>; see <see cref="ServerEventLog.WaitForConnectionAsync"/>.</summary>
    /// <param name="path">The endpoint path; a <c>tag</c> in its query is matched.</param>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    /// <param name="tag">The <c>tag</c> query parameter to match; null matches any.</param>
    public Task<ServerConnectionLog> WaitForConnectionAsync(string path, TimeSpan timeout, string? tag = null) =>
        Events.WaitForConnectionAsync(path, timeout, tag);

    /// <summary>Stops the server: open handlers are cancelled (which closes their TCP connections), then Kestrel stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static string Relative(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.TrimStart('/');
    }

    private static async Task DispatchAsync(HttpContext context, Dictionary<string, WebSocketEndpoint> endpoints, ServerEventLog events, CancellationToken serverStopping)
    {
        var path = context.Request.Path.Value ?? "/";
        var isReject = string.Equals(path, RejectEndpoint.Path, StringComparison.OrdinalIgnoreCase);
        if (!isReject && !endpoints.ContainsKey(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = context.Request.Headers.ToDictionary(
            header => header.Key.ToLowerInvariant(),
            header => string.Join(", ", header.Value.ToArray()),
            StringComparer.OrdinalIgnoreCase);
        var log = events.Open(path, context.Request.QueryString.Value ?? string.Empty, headers);
        try
        {
            if (isReject)
            {
                await RejectEndpoint.HandleAsync(context).ConfigureAwait(false);
                return;
            }

            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var endpoint = endpoints[path];
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
            using var socket = await context.WebSockets.AcceptWebSocketAsync(endpoint.CreateAcceptContext(context)).ConfigureAwait(false);
            log.RecordAccepted(socket.SubProtocol);
            await endpoint.RunAsync(new WebSocketSession(context, socket, log, stopping.Token)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The test reads what happened from the log; a thrown handler would only reach Kestrel's (silenced) logger.
            log.RecordError(exception);
        }
        finally
        {
            log.Complete();
        }
    }
}
