using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary><c>wss://</c> against Kestrel with a self-signed certificate made for the test run.</summary>
public abstract class TlsTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task A_self_signed_certificate_is_refused_by_default()
    {
        var events = new EventRecorder();
        var socket = new HttpWebSocket(fixture.Server.HttpsWsUri("/echo"), events.Callback, Options());

        var failure = await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync());

        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Equal(WebSocketErrorKind.Connect, events.Of(WebSocketEvent.Error).Single().Error!.Kind);
        Assert.Contains("SSL", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_accepted_through_the_validation_callback()
    {
        var expected = fixture.Server.Certificate!;
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected.GetCertHashString(),
        };
        await using var socket = new HttpWebSocket(fixture.Server.HttpsWsUri("/echo"), events.Callback, Options(options));

        await socket.OpenAsync();
        socket.Send("over tls", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message);

        Assert.Equal("over tls", events.Of(WebSocketEvent.Message).Single().Text);
    }
}

/// <summary><see cref="TlsTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TlsTestsOverSockets(TestServerFixture fixture) : TlsTests(fixture, TransportKind.Sockets);

/// <summary><see cref="TlsTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TlsTestsOverWebsocketClient(TestServerFixture fixture) : TlsTests(fixture, TransportKind.WebsocketClient);
