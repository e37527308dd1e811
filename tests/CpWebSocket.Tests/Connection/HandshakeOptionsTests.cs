using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// The settings of the opening handshake reach the server: headers, subprotocols, a proxy, a client certificate, cookies,
/// permessage-deflate, and an invoker of the app's own.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class HandshakeOptionsTests(TestServerFixture fixture)
{
    private static async Task<JsonDocument> ReportAsync(HttpWebSocket socket, EventRecorder events)
    {
        await socket.OpenAsync();
        await events.WaitForAsync(WebSocketEvent.Message);
        return JsonDocument.Parse(events.Of(WebSocketEvent.Message)[0].Text!);
    }

    [Fact]
    public async Task Request_headers_and_subprotocols_are_sent_and_the_accepted_one_is_exposed()
    {
        var options = new HttpWebSocketOptions();
        options.RequestHeaders["Authorization"] = "Bearer token-123";
        options.SubProtocols.Add("chat.v2");
        options.SubProtocols.Add("chat.v1");
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/headers"), events.Callback, options);

        using var report = await ReportAsync(socket, events);

        Assert.Equal("Bearer token-123", report.RootElement.GetProperty("authorization").GetString());
        Assert.Equal(["chat.v2", "chat.v1"], report.RootElement.GetProperty("subprotocols").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("chat.v2", socket.SubProtocol);
    }

    [Fact]
    public async Task A_proxy_tunnels_the_connection_with_CONNECT()
    {
        await using var proxy = new ConnectProxy();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, new HttpWebSocketOptions { Proxy = new WebProxy(proxy.Uri) });

        await socket.OpenAsync();
        socket.Send("through the proxy", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message);

        Assert.Equal("through the proxy", events.Of(WebSocketEvent.Message).Single().Text);
        Assert.Equal([$"CONNECT 127.0.0.1:{fixture.Server.Port} HTTP/1.1"], proxy.Requests);
    }

    [Fact]
    public async Task A_client_certificate_is_offered_to_a_server_that_requires_one()
    {
        await using var server = await TestServer.StartAsync(tls: true, requireClientCertificate: true);
        using var certificate = SelfSignedCertificate.Create("cpws-client", forClient: true);
        var options = new HttpWebSocketOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
        options.ClientCertificates.Add(certificate);
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(server.HttpsWsUri("/headers"), events.Callback, options);

        using var report = await ReportAsync(socket, events);

        Assert.Equal(certificate.Thumbprint, report.RootElement.GetProperty("clientCertificate").GetString());
    }

    [Fact]
    public async Task Cookies_are_sent_and_the_ones_the_server_sets_are_kept()
    {
        var cookies = new CookieContainer();
        var url = fixture.Server.WsUri("/headers");
        cookies.Add(new Uri($"http://127.0.0.1:{fixture.Server.Port}/"), new Cookie("session", "abc123"));
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(url, events.Callback, new HttpWebSocketOptions { Cookies = cookies });

        using var report = await ReportAsync(socket, events);

        Assert.Equal("session=abc123", report.RootElement.GetProperty("headers").GetProperty("cookie").GetString());
        Assert.Contains(cookies.GetAllCookies(), cookie => cookie is { Name: "set-by", Value: "headers" });
    }

    [Fact]
    public async Task Permessage_deflate_is_negotiated_and_shrinks_what_crosses_the_wire()
    {
        var plain = await MeasureWireAsync(deflate: false);
        var compressed = await MeasureWireAsync(deflate: true);

        Assert.True(compressed.ToServer * 4 < plain.ToServer, $"to the server: {compressed.ToServer} bytes compressed, {plain.ToServer} plain");
        Assert.True(compressed.ToClient * 4 < plain.ToClient, $"to the client: {compressed.ToClient} bytes compressed, {plain.ToClient} plain");
    }

    [Fact]
    public async Task An_invoker_of_the_apps_own_sends_the_handshake()
    {
        var recording = new RecordingHandler(new SocketsHttpHandler());
        using var invoker = new HttpMessageInvoker(recording);
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, new HttpWebSocketOptions { HttpMessageInvoker = invoker });

        await socket.OpenAsync();
        socket.Send("via the app's invoker", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message);

        Assert.Equal(fixture.Server.WsUri("/echo"), Assert.Single(recording.Requests));
        Assert.Equal("via the app's invoker", events.Of(WebSocketEvent.Message).Single().Text);
    }

    [Fact]
    public void An_invoker_with_handshake_settings_beside_it_is_refused()
    {
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var options = new HttpWebSocketOptions { HttpMessageInvoker = invoker, Proxy = new WebProxy("http://127.0.0.1:1") };

        var refused = Assert.Throws<ArgumentException>(() => new HttpWebSocket(new Uri("ws://127.0.0.1:1/"), options: options));
        Assert.Contains("on that handler", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Sends 50 compressible messages through a byte-counting proxy to the echo endpoint and back.</summary>
    private async Task<(long ToServer, long ToClient)> MeasureWireAsync(bool deflate)
    {
        await using var proxy = new LoopbackProxy(fixture.Server.Port);
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions { DeflateOptions = deflate ? new WebSocketDeflateOptions() : null, KeepAliveInterval = TimeSpan.Zero };
        await using var socket = new HttpWebSocket(proxy.Through(fixture.Server.WsUri("/echo?compress=1")), events.Callback, options);
        await socket.OpenAsync();
        var link = await proxy.WaitForLinkAsync(TestServer.DefaultTimeout);
        var handshake = (link.BytesToServer, link.BytesToClient);
        var message = string.Concat(Enumerable.Repeat("""{"type":"trade","symbol":"MSFT","price":412.25,"quantity":250,"side":"buy"}""", 20));

        for (var i = 0; i < 50; i++)
        {
            socket.Send(message, isData: false);
        }

        await events.WaitForAsync(WebSocketEvent.Message, 50);
        Assert.All(events.Of(WebSocketEvent.Message), m => Assert.Equal(message, m.Text));
        return (link.BytesToServer - handshake.BytesToServer, link.BytesToClient - handshake.BytesToClient);
    }

    /// <summary>A handler of the app's own that remembers the requests it sent.</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly List<Uri> _requests = [];

        public IReadOnlyList<Uri> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_requests)
            {
                _requests.Add(request.RequestUri!);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
